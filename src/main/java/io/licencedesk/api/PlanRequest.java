package io.licencedesk.api;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.validation.BindingResult;

/** A plan's fields for POST (all required) and PATCH (only the fields sent change), with the console's limits. */
@Schema(name = "PlanFields")
record PlanRequest(
        @Schema(example = "Yearly") @Size(max = 100, message = "Keep the name to 100 characters.") @PlainText
        String name,

        @Schema(description = "ISO 8601 period of one term.", example = "P1Y")
        String term,

        @Schema(
                description = "Price per screen and term, in the organisation's currency: from 0 to "
                        + Plan.HIGHEST_UNIT_PRICE
                        + ".",
                example = "100.00")
        @Pattern(regexp = "\\d{1,7}(\\.\\d{1,2})?", message = "Enter a price such as 10.00.")
        String unitPrice,

        @Schema(
                description =
                        "Whether its licences renew by themselves unless a licence says otherwise; false if absent.")
        Boolean autoRenew) {

    /** Refuses, beside what the annotations refuse, a required field left out or blank and a term not read. */
    void checkNew(BindingResult refused) {
        if (name == null || name.isBlank()) {
            FieldRefusals.refuse(refused, "name", "Enter a name.");
        }
        if (term == null) {
            FieldRefusals.refuse(refused, "term", "Enter a term, such as P1M or P1Y.");
        }
        checkChange(refused);
        if (unitPrice == null) {
            FieldRefusals.refuse(refused, "unitPrice", "Enter a price per screen.");
        }
    }

    /** Refuses, beside what the annotations refuse, a name sent blank and a term not read. */
    void checkChange(BindingResult refused) {
        if (name != null && name.isBlank()) {
            FieldRefusals.refuse(refused, "name", "Enter a name.");
        }
        if (term != null && Terms.parseOrNull(term) == null) {
            FieldRefusals.refuse(refused, "term", "Enter a term such as P1M, P3M or P1Y.");
        }
    }

    /** The fields sent over the plan's current ones; {@link #checkChange} passed. */
    NewPlan over(Plan current) {
        return new NewPlan(
                name != null ? name : current.name(),
                term != null ? Terms.parseOrNull(term) : current.term(),
                unitPrice != null
                        ? new BigDecimal(unitPrice)
                        : current.unitPrice().amount(),
                autoRenew != null ? autoRenew : current.autoRenew());
    }

    /** The new plan; {@link #checkNew} passed. */
    NewPlan toNewPlan() {
        return new NewPlan(name, Terms.parseOrNull(term), new BigDecimal(unitPrice), Boolean.TRUE.equals(autoRenew));
    }
}
