package io.licencedesk.audit;

import java.time.Instant;
import java.util.List;

/** One recorded change, with the fields that changed. */
public record AuditRecord(String action, String actorEmail, Instant occurredAt, List<FieldChange> changes) {

    /** A field's value before and after the change; either is null when the record was created or deleted. */
    public record FieldChange(String field, String before, String after) {

        /** An id kept for the name beside it ("clientId" beside "client"): pages show the name only. */
        public boolean internal() {
            return field.equals("id") || field.endsWith("Id");
        }
    }
}
