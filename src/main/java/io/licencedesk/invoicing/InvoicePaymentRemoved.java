package io.licencedesk.invoicing;

import java.time.Instant;
import java.util.Map;

/** An invoice's payment was removed (decision 0086): it is to be paid again, Sent or Issued as before. */
public record InvoicePaymentRemoved(
        long organisationId,
        long invoiceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements InvoiceEvent {}
