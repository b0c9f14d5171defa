package io.licencedesk.invoicing;

import java.time.Instant;
import java.util.Map;

/** An invoice was voided: it keeps its number, and its licence's term is unbilled again. */
public record InvoiceVoided(
        long organisationId,
        long invoiceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements InvoiceEvent {}
