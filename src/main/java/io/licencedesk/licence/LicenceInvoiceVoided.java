package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** The invoice of the licence's current term was voided: the term is unbilled again. */
public record LicenceInvoiceVoided(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
