package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** A screen took a seat on an assigned licence, which started it; no person acted. */
public record LicenceActivatedByScreen(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
