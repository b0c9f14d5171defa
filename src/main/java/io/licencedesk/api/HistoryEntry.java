package io.licencedesk.api;

import io.licencedesk.audit.AuditRecord;
import io.licencedesk.audit.LicenceHistoryPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One change of a licence, as its history shows it, with each field's values as a program reads them. */
@Schema(name = "HistoryEntry")
record HistoryEntry(
        @Schema(
                description = "What was done, as a lower-case code: created, paused, resumed, deleted, redeemed,"
                        + " activated, activated_by_screen, invoiced, paid, payment_removed, invoice_voided, edited"
                        + " or renewed; or to one of its screens (its changes are screen, the screen's name,"
                        + " and screenId): screen_registered, screen_renamed, screen_removed (by its client, or"
                        + " with the licence when it was deleted), screen_activated (a device took the seat of a"
                        + " registered screen).",
                example = "paused",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String action,

        @Schema(
                description = "Who made the change (an e-mail); null for the system, and for a screen through the"
                        + " device API (activated_by_screen, screen_activated, and screen_registered when a device"
                        + " took a free seat).")
        String actor,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Change> changes) {

    @Schema(name = "FieldChange")
    record Change(
            @Schema(
                    description = "The licence's field (couponCode, name, note, planId, term, unitPrice, quantity,"
                            + " clientId, status, billingStatus, activatedOn, endsOn, termNumber, autoRenew,"
                            + " pauseReason), or client and plan: the names of the ids beside them, as the console"
                            + " shows them; for a screen's change, screen and screenId.",
                    example = "quantity",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String field,

            @Schema(description = "The value before, as the console's history shows it; null when there was none.")
            String before,

            @Schema(description = "The value after, as the console's history shows it; null when there is none.")
            String after,

            @Schema(
                    description = "The value before as a program reads it, always as text: the digits of an id or a"
                            + " count (\"5\"), an ISO 8601 date, a lower-case code for status and billingStatus,"
                            + " \"true\", \"false\" or null (its plan's rule) for autoRenew, a decimal for unitPrice"
                            + " (in the licence's currency, its unitPrice.currency), an ISO 8601 period for term;"
                            + " null when there was none.",
                    types = {"string", "null"},
                    example = "3")
            String beforeValue,

            @Schema(
                    description = "The value after, as beforeValue is read.",
                    types = {"string", "null"},
                    example = "5")
            String afterValue) {}

    /** Fields recorded as the word a person reads ("Active"), whose code is that word in lower case. */
    private static final Set<String> CODES = Set.of("status", "billingStatus");

    static HistoryEntry of(LicenceHistoryPage.Entry entry) {
        return new HistoryEntry(
                entry.action().toLowerCase(Locale.ROOT), // the API's enum values are lower case
                entry.actorEmail(),
                entry.occurredAt(),
                entry.changes().stream()
                        .map(change -> change(change, entry.before(), entry.after()))
                        .toList());
    }

    private static Change change(
            AuditRecord.FieldChange change, Map<String, Object> before, Map<String, Object> after) {
        boolean recorded = before.containsKey(change.field()) || after.containsKey(change.field());
        return new Change(
                change.field(),
                change.before(),
                change.after(),
                recorded ? value(change.field(), before.get(change.field())) : change.before(),
                recorded ? value(change.field(), after.get(change.field())) : change.after());
    }

    /**
     * A recorded value as the API spells it elsewhere, always as text. The licence's state is recorded as a person
     * reads it in a few fields (Licence.snapshot): its status words, "Yes", "No" or "Plan default", and money as
     * "EUR 10.00", whose amount is given as Money's amount is (a decimal string). Text only, never a number or a
     * boolean: a schema of several types makes a generated client wrap the value and guess its type from the JSON,
     * so that a name or a coupon code of digits only ("2026") came out as a number.
     */
    static String value(String field, Object recorded) {
        if (recorded == null) {
            return null;
        }
        if (!(recorded instanceof String text)) {
            return recorded instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(recorded);
        }
        if (CODES.contains(field)) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (field.equals("autoRenew")) {
            return switch (text) {
                case "Yes" -> "true";
                case "No" -> "false";
                default -> null; // "Plan default": the plan's rule, as the licence's autoRenew is null in the API
            };
        }
        if (field.equals("unitPrice")) {
            int space = text.indexOf(' ');
            return space == 3 ? text.substring(space + 1) : text;
        }
        return text;
    }
}
