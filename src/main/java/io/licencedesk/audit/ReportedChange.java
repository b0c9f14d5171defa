package io.licencedesk.audit;

import java.time.Instant;

/**
 * A change a channel module tells the audit log of ({@link AuditTrail#record}).
 *
 * @param before the subject's state before (a record, whose components but its id are recorded, or a map of fields),
 *     or null when the change made it
 * @param after its state after, or null when the change removed it
 */
public record ReportedChange(
        AuditSubject subject,
        long subjectId,
        String label,
        String action,
        Object before,
        Object after,
        Instant occurredAt) {}
