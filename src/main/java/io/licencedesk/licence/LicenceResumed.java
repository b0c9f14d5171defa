package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** An account manager resumed a paused licence. */
public record LicenceResumed(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
