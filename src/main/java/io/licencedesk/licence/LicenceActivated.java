package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** A client started one of their assigned licences. */
public record LicenceActivated(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
