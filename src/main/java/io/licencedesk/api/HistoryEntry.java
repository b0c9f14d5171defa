package io.licencedesk.api;

import io.licencedesk.audit.AuditRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One change of a licence, as its history shows it. */
@Schema(name = "HistoryEntry")
record HistoryEntry(
        @Schema(example = "paused", requiredMode = Schema.RequiredMode.REQUIRED)
        String action,

        @Schema(description = "Who made the change; absent for the system.")
        String actor,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Change> changes) {

    @Schema(name = "FieldChange")
    record Change(String field, String before, String after) {}

    static HistoryEntry of(AuditRecord record) {
        return new HistoryEntry(
                record.action().toLowerCase(Locale.ROOT), // the API's enum values are lower case
                record.actorEmail(),
                record.occurredAt(),
                record.changes().stream()
                        .map(change -> new Change(change.field(), change.before(), change.after()))
                        .toList());
    }
}
