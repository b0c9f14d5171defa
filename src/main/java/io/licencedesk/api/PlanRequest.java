package io.licencedesk.api;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import org.springframework.validation.BindingResult;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What PATCH /api/v1/plans/{id} takes: only the fields sent change, with the console's limits. POST has its own
 * {@link CreatePlanRequest}, whose fields are required.
 */
@Schema(name = "PlanFields")
record PlanRequest(
        @Schema(example = "Yearly") @Size(max = 100, message = "Keep the name to 100 characters.") @PlainText
        String name,

        @Schema(description = TERM, example = "P1Y") String term,

        @Schema(description = UNIT_PRICE, example = "100.00")
        // Any decimal number reaches the catalogue, which says why it refuses one (negative, too many decimals, too
        // high) as the console does; the lengths only keep a number of thousands of digits out.
        @Pattern(regexp = "-?\\d{1,30}(\\.\\d{1,30})?", message = "Enter a price such as 10.00.")
        @JsonDeserialize(using = AmountText.class)
        String unitPrice,

        @Schema(description = "Whether its licences renew by themselves unless a licence says otherwise.")
        Boolean autoRenew) {

    static final String TERM = "ISO 8601 period of one term: months or years (P1M, P3M, P1Y, P1Y6M), or days alone"
            + " (P7D), up to 10 years. Weeks (P1W) and months with days (P1M1D) are refused.";

    static final String UNIT_PRICE =
            "Price per screen and term, in the organisation's currency: from 0 to " + Plan.HIGHEST_UNIT_PRICE + ". Text"
                    + " in double quotes, in the currency's decimals (\"180.00\" in euros), never a JSON number.";

    /**
     * Refuses, beside what the annotations refuse, a name sent blank and a term not supported, unless it is the plan's
     * own (a plan made before decision 0083 keeps its term).
     */
    void checkChange(BindingResult refused, Plan current) {
        if (name != null && name.isBlank()) {
            FieldRefusals.refuse(refused, "name", "Enter a name.");
        }
        if (term != null && Terms.parseOrNull(term) == null && !isCurrent(current)) {
            FieldRefusals.refuse(refused, Map.of("term", Reason.of("reason.plan.unsupportedTerm")));
        }
    }

    private boolean isCurrent(Plan current) {
        try {
            return Period.parse(term.strip().toUpperCase(Locale.ROOT)).equals(current.term());
        } catch (RuntimeException notAPeriod) {
            return false;
        }
    }

    /** The fields sent over the plan's current ones; {@link #checkChange} passed. */
    NewPlan over(Plan current) {
        return new NewPlan(
                name != null ? name : current.name(),
                term == null || isCurrent(current) ? current.term() : Terms.parseOrNull(term),
                unitPrice != null
                        ? new BigDecimal(unitPrice)
                        : current.unitPrice().amount(),
                autoRenew != null ? autoRenew : current.autoRenew());
    }
}
