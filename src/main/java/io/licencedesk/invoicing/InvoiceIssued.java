package io.licencedesk.invoicing;

import java.time.Instant;
import java.util.Map;

/** An invoice was issued for a licence's term, and its e-mail queued. */
public record InvoiceIssued(
        long organisationId,
        long invoiceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements InvoiceEvent {}
