package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** An account manager deleted a licence nobody had used or invoiced; it has no state after. */
public record LicenceDeleted(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
