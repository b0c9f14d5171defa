package io.licencedesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One recorded change, with the fields that changed. */
public record AuditRecord(String action, String actorEmail, Instant occurredAt, List<FieldChange> changes) {

    /** The actions a device takes through the device API, recorded with no person. */
    static final Set<String> BY_DEVICES = Set.of("ACTIVATED_BY_SCREEN", "SCREEN_REGISTERED", "SCREEN_ACTIVATED");

    /** A change made through the device API, by a screen rather than a person. */
    public boolean byScreen() {
        return actorEmail == null && BY_DEVICES.contains(action);
    }

    /** A field's value before and after the change; either is null when the record was created or deleted. */
    public record FieldChange(String field, String before, String after) {

        /** An id kept for the name beside it ("clientId" beside "client"): pages show the name only. */
        public boolean internal() {
            return field.equals("id") || field.endsWith("Id");
        }
    }
}
