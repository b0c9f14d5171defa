package io.licencedesk.api;

import io.licencedesk.licence.LicenceRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** A licence as a list shows it: what the console's list shows, from the same query. */
@Schema(name = "LicenceListItem", description = "A licence in a list; GET /api/v1/licences/{id} has every field.")
record LicenceListItem(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,

        @Schema(example = "K7Q2M9XA", requiredMode = Schema.RequiredMode.REQUIRED)
        String code,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "Null while unassigned.") LicenceResponse.ClientReference client,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String planName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount amount,

        @Schema(
                allowableValues = {"available", "assigned", "active", "paused", "expired"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean expiringSoon,

        @Schema(
                allowableValues = {"unbilled", "invoiced", "paid"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String billingStatus,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,

        @Schema(description = "Last day of its current term, included; null until activated.", example = "2027-11-30")
        LocalDate endsOn) {

    static LicenceListItem of(LicenceRow row) {
        return new LicenceListItem(
                row.id(),
                row.couponCode(),
                row.name(),
                row.clientId() == null
                        ? null
                        : new LicenceResponse.ClientReference(
                                row.clientId(), row.clientEmail(), row.clientName(), row.clientCompany()),
                row.planName(),
                row.quantity(),
                MoneyAmount.of(row.amount()),
                row.status().name().toLowerCase(Locale.ROOT),
                row.expiringSoon(),
                row.billingStatus().name().toLowerCase(Locale.ROOT),
                row.createdAt(),
                row.endsOn());
    }
}
