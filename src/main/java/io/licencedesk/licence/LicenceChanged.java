package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/**
 * A licence was created, changed or deleted: who did it, when, and its recorded state before and
 * after (null before a creation and after a deletion). Published inside the changing transaction. A change
 * made by a screen through the device API has no actor (null id and e-mail).
 */
public record LicenceChanged(
        long organisationId,
        long licenceId,
        String action,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after) {}
