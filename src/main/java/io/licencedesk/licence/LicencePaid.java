package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** The invoice of the licence's current term was paid. */
public record LicencePaid(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
