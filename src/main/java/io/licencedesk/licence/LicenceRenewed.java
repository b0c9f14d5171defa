package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** A licence started its next term: by hand, or by itself as its term neared its end (decision 0048). */
public record LicenceRenewed(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
