package io.licencedesk.audit;

import io.licencedesk.audit.AuditRecord.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of a licence's history, newest first, with the ids of the entries its neighbours are asked for by (as
 * {@link AuditPage}'s are).
 */
public record LicenceHistoryPage(
        List<Entry> entries, boolean hasPrevious, boolean hasNext, Long previousCursor, Long nextCursor) {

    /**
     * One change of the licence: its changes as the console's page shows them (with names beside ids), and the
     * states before and after as they were recorded (numbers as numbers, dates in ISO 8601), for programs.
     */
    public record Entry(
            long id,
            String action,
            String actorEmail,
            Instant occurredAt,
            List<FieldChange> changes,
            Map<String, Object> before,
            Map<String, Object> after) {

        /**
         * Whether the licence (or screen) was recorded before and after the change, as an edit is, not a creation or a
         * deletion: a change's side without a value is then a field that had none ("Client: none → Alice").
         */
        public boolean beforeAndAfter() {
            return States.beforeAndAfter(before, after);
        }

        /** A change made through the device API, by a screen rather than a person. */
        public boolean byScreen() {
            return actorEmail == null && AuditRecord.BY_DEVICES.contains(action);
        }
    }
}
