package io.licencedesk.api;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.validation.BindingResult;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What POST /api/v1/plans takes: a name, a term and a price (required, so that the served document says so, which
 * {@link PlanRequest} shared with PATCH could not), and whether its licences renew. The console's limits.
 */
@Schema(name = "CreatePlan")
record CreatePlanRequest(
        @Schema(example = "Yearly", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED)
        @Size(max = 100, message = "Keep the name to 100 characters.")
        @PlainText
        String name,

        @Schema(description = PlanRequest.TERM, example = "P1Y", requiredMode = Schema.RequiredMode.REQUIRED)
        String term,

        @Schema(description = PlanRequest.UNIT_PRICE, example = "100.00", requiredMode = Schema.RequiredMode.REQUIRED)
        // Any decimal number reaches the catalogue, which says why it refuses one (negative, too many decimals, too
        // high) as the console does; the lengths only keep a number of thousands of digits out.
        @Pattern(regexp = "-?\\d{1,30}(\\.\\d{1,30})?", message = "Enter a price such as 10.00.")
        @JsonDeserialize(using = AmountText.class)
        String unitPrice,

        @Schema(
                description = "Whether its licences renew by themselves unless a licence says otherwise; false if"
                        + " absent.")
        Boolean autoRenew) {

    /** Refuses, beside what the annotations refuse, a required field left out or blank and a term not supported. */
    void check(BindingResult refused) {
        if (name == null || name.isBlank()) {
            FieldRefusals.refuse(refused, "name", "Enter a name.");
        }
        if (term == null) {
            FieldRefusals.refuse(refused, "term", "Enter a term, such as P1M or P1Y.");
        } else if (Terms.parseOrNull(term) == null) {
            FieldRefusals.refuse(refused, Map.of("term", Reason.of("reason.plan.unsupportedTerm")));
        }
        if (unitPrice == null) {
            FieldRefusals.refuse(refused, "unitPrice", "Enter a price per screen.");
        }
    }

    /** The new plan; {@link #check} passed. */
    NewPlan toNewPlan() {
        return new NewPlan(name, Terms.parseOrNull(term), new BigDecimal(unitPrice), Boolean.TRUE.equals(autoRenew));
    }
}
