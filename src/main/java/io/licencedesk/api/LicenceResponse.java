package io.licencedesk.api;

import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LifecycleStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A licence as the REST API and its webhooks write it. Field names and enum values are stable (docs/api.md):
 * enums are lower case, dates ISO 8601, money an amount string with its currency.
 */
@Schema(name = "Licence", description = "A per-screen licence.")
public record LicenceResponse(
        @Schema(example = "4711", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(
                description = "Its coupon code, which a client redeems to take an unassigned licence.",
                example = "K7Q2M9XA",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String code,

        @Schema(example = "Lobby screens", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(description = "Free text for the account manager; may be empty.")
        String note,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlanReference plan,

        @Schema(description = "How many screens it covers.", example = "5", requiredMode = Schema.RequiredMode.REQUIRED)
        int quantity,

        @Schema(description = "Price per screen and term.", requiredMode = Schema.RequiredMode.REQUIRED)
        MoneyAmount unitPrice,

        @Schema(
                description = "Price of one term: unit price times quantity.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        MoneyAmount amount,

        @Schema(description = "Its client; null while the licence is unassigned.")
        ClientReference client,

        @Schema(
                allowableValues = {"available", "assigned", "active", "paused", "expired"},
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
                description = "Active, with its last day (endsOn) from today to the last day of the organisation's"
                        + " expiring-soon window (Settings: 30 days after today by default), both included.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean expiringSoon,

        @Schema(
                allowableValues = {"unbilled", "invoiced", "paid"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String billingStatus,

        @Schema(example = "2026-11-29T18:45:12.345Z", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant createdAt,

        @Schema(description = "First day of its first term; null until a client activates it.", example = "2026-12-01")
        LocalDate activatedOn,

        @Schema(
                description = "Last day of its current term, included: its screens run on that day; null until"
                        + " activated.",
                example = "2027-11-30")
        LocalDate endsOn,

        @Schema(
                description = "Its current term, numbered from 1; a renewal starts the next.",
                example = "1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int termNumber,

        @Schema(
                description = "First day of its current term: activation for the first term, the day after the"
                        + " previous term's last day for a renewed one; null until activated.",
                example = "2026-12-01")
        LocalDate termStartsOn,

        @Schema(
                description = "The licence's own choice to renew by itself, or null when its plan decides.",
                nullable = true)
        Boolean autoRenew,

        @Schema(
                description = "Whether it renews by itself before its term ends: its own choice, else its plan's.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean renewsAutomatically) {

    /** A licence's plan, by id and name. */
    @Schema(name = "PlanReference")
    public record PlanReference(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name) {}

    /** A licence's client, by id, e-mail and company. */
    @Schema(name = "ClientReference")
    public record ClientReference(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            String company) {}

    /** Why a paused licence is paused, as the device API's check-in tells PAUSED from PAUSED_OVERDUE; else null. */
    static String pauseReason(LifecycleStatus status, boolean pausedForOverdue) {
        if (status != LifecycleStatus.PAUSED) {
            return null;
        }
        return pausedForOverdue ? "overdue" : "manual";
    }

    public static LicenceResponse of(LicenceDetails licence) {
        var client = licence.client() == null
                ? null
                : new ClientReference(
                        licence.client().id(),
                        licence.client().email(),
                        licence.client().name(),
                        licence.client().company());
        return new LicenceResponse(
                licence.id(),
                licence.couponCode().toString(),
                licence.name(),
                licence.note(),
                new PlanReference(licence.plan().id(), licence.plan().name()),
                licence.quantity(),
                MoneyAmount.of(licence.unitPrice()),
                MoneyAmount.of(licence.amount()),
                client,
                licence.status().name().toLowerCase(Locale.ROOT),
                pauseReason(licence.status(), licence.renewal().pausedForOverdue()),
                licence.expiringSoon(),
                licence.billingStatus().name().toLowerCase(Locale.ROOT),
                licence.createdAt(),
                licence.activatedOn(),
                licence.endsOn(),
                licence.renewal().termNumber(),
                licence.renewal().termStartsOn(),
                licence.renewal().autoRenewChoice(),
                licence.renewal().renewsAutomatically());
    }
}
