package io.licencedesk.api;

import io.licencedesk.licence.NewLicence;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** What POST /api/v1/licences takes: the same fields, and the same rules, as the console's form. */
@Schema(name = "CreateLicence")
record CreateLicenceRequest(
        @Schema(
                description = "One of the organisation's plans.",
                example = "12",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "Choose a plan.")
        Long planId,

        @Schema(example = "Lobby screens", minLength = 1, maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(description = "Optional.", maxLength = 2000) String note,

        @Schema(
                description = "Number of screens, from 1 to 10,000.",
                example = "5",
                minimum = "1",
                maximum = "10000",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "Give the number of screens.")
        Integer quantity,

        @Schema(description = "Assign it to this client; leave it out for an unassigned licence with a coupon code.")
        Long clientId) {

    NewLicence toNewLicence() {
        return new NewLicence(planId, name, note, quantity, clientId);
    }
}
