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

        @Schema(example = "1 year", requiredMode = Schema.RequiredMode.REQUIRED)
        String term,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int quantity,

        @Schema(
                allowableValues = {"assigned", "active", "paused", "expired"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(
                allowableValues = {"unbilled", "invoiced", "paid"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String billingStatus,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean expiringSoon,
        LocalDate activatedOn,
        LocalDate endsOn) {

    static PortalLicenceResponse of(ClientLicence licence) {
        return new PortalLicenceResponse(
                licence.id(),
                licence.couponCode().toString(),
                licence.name(),
                licence.planName(),
                licence.termLabel(),
                licence.quantity(),
                licence.status().name().toLowerCase(Locale.ROOT),
                licence.billingStatus().name().toLowerCase(Locale.ROOT),
                licence.expiringSoon(),
                licence.activatedOn(),
                licence.endsOn());
    }
}
