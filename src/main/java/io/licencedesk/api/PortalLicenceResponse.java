package io.licencedesk.api;

import io.licencedesk.licence.ClientLicence;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Locale;

/** One of the client's own licences, as the portal shows it. */
@Schema(name = "ClientLicence")
record PortalLicenceResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String planName,

        @Schema(
                description = "The length of one term, ISO 8601 (P1M, P1Y), as a plan's term.",
                example = "P1Y",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String term,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int quantity,

        @Schema(description = "The price of one screen for one term.", requiredMode = Schema.RequiredMode.REQUIRED)
        MoneyAmount unitPrice,

        @Schema(
                description = "The price of one term: unit price times screens, before VAT.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        MoneyAmount price,

        @Schema(
                allowableValues = {"assigned", "active", "paused", "expired"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(
                description = "Why it is paused, while it is: manual (its account manager paused it, and resumes it)"
                        + " or overdue (paused because its renewal invoice went unpaid: that invoice paid or voided"
                        + " resumes it, as the account manager may); null when it is not paused.",
                allowableValues = {"manual", "overdue"},
                nullable = true)
        String pauseReason,

        @Schema(
                allowableValues = {"unbilled", "invoiced", "paid"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String billingStatus,

        @Schema(
                description = "Active, with its last day (endsOn) from today to the last day of the organisation's"
                        + " expiring-soon window (30 days after today by default), both included.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean expiringSoon,

        @Schema(description = "First day of its first term; null until activated.", example = "2026-12-01")
        LocalDate activatedOn,

        @Schema(
                description = "Last day of its latest term, included: its screens run on that day; null until"
                        + " activated.",
                example = "2027-12-01")
        LocalDate endsOn,

        @Schema(
                description = "Its latest term, numbered from 1; a renewal starts the next.",
                example = "1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int termNumber,

        @Schema(
                description = "First day of its latest term: activation for the first term, the day after the"
                        + " previous term's last day for a renewed one (after today when renewed ahead); null"
                        + " until activated.",
                example = "2026-12-01")
        LocalDate termStartsOn,

        @Schema(
                description = "Whether its next term starts, and is invoiced, by itself before this one ends.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean renewsAutomatically) {

    static PortalLicenceResponse of(ClientLicence licence) {
        return new PortalLicenceResponse(
                licence.id(),
                licence.couponCode().toString(),
                licence.name(),
                licence.planName(),
                licence.term().toString(),
                licence.quantity(),
                MoneyAmount.of(licence.unitPrice()),
                MoneyAmount.of(licence.price()),
                licence.status().name().toLowerCase(Locale.ROOT),
                LicenceResponse.pauseReason(licence.status(), licence.pausedForOverdue()),
                licence.billingStatus().name().toLowerCase(Locale.ROOT),
                licence.expiringSoon(),
                licence.activatedOn(),
                licence.endsOn(),
                licence.termNumber(),
                licence.termStartsOn(),
                licence.renewsAutomatically());
    }
}
