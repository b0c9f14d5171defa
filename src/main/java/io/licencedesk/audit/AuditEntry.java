package io.licencedesk.audit;

import io.licencedesk.audit.AuditRecord.FieldChange;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit log.
 *
 * @param actorEmail who made the change: a person's e-mail (for a failed sign-in, the e-mail tried), or null for
 *     the system, or for a screen through the device API ({@link #byScreen()})
 * @param address the IP address of the request that made the change, or null for the system's own work
 * @param subjectId the subject's id, or null when it has none (a refused coupon code)
 * @param subjectLabel the subject as it was named when the change was recorded (null for some older licence rows)
 * @param changes the fields that differ between the state before and after, with names for ids
 * @param beforeAndAfter whether the subject was recorded before and after the change (not created or deleted by it):
 *     a change's side without a value is then a field that had none, which the pages write as "none"
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actorEmail,
        String address,
        AuditSubject subject,
        Long subjectId,
        String subjectLabel,
        String action,
        List<FieldChange> changes,
        boolean beforeAndAfter) {

    /** A licence's change made through the device API, by a screen rather than a person. */
    public boolean byScreen() {
        return actorEmail == null && subject == AuditSubject.LICENCE && AuditRecord.BY_DEVICES.contains(action);
    }
}
