package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** An invoice was issued for the licence's current term. */
public record LicenceInvoiced(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
