package io.licencedesk.invoicing;

import java.time.Instant;
import java.util.Map;

/** An invoice was marked paid. */
public record InvoicePaid(
        long organisationId,
        long invoiceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements InvoiceEvent {}
