package io.licencedesk.invoicing;

import java.time.Instant;
import java.util.Map;

/** An invoice's e-mail was queued again (re-sent, or sent again with a selection). */
public record InvoiceResent(
        long organisationId,
        long invoiceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements InvoiceEvent {}
