package io.licencedesk.api;

import io.licencedesk.licence.Plan;
import io.swagger.v3.oas.annotations.media.Schema;

/** A plan: a name, a term and a price per screen and term. */
@Schema(name = "Plan", description = "What a licence is sold on: a term and a price per screen.")
public record PlanResponse(
        @Schema(example = "12", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(example = "Yearly", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(
                description = "ISO 8601 period of one term.",
                example = "P1Y",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String term,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount unitPrice,

        @Schema(
                description = "Whether its licences renew by themselves unless a licence says otherwise.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean autoRenew) {

    public static PlanResponse of(Plan plan) {
        return new PlanResponse(
                plan.id(), plan.name(), plan.term().toString(), MoneyAmount.of(plan.unitPrice()), plan.autoRenew());
    }
}
