package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** An account manager created a licence; it has no state before. */
public record LicenceCreated(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
