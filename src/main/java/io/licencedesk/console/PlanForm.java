package io.licencedesk.console;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Adding or editing a plan: a name, a term such as P1M, a price per screen, and whether its licences renew. */
record PlanForm(
        @NotBlank(message = "Enter a name.") @Size(max = 100, message = "Keep the name to 100 characters.") @PlainText
        String name,

        @NotBlank(message = "Enter a term, such as P1M or P1Y.") @PlanTerm
        String term,

        @DecimalNumber(
                min = "0.00",
                max = "1000000.00",
                fraction = 2,
                blank = "Enter a price per screen.",
                notANumber = "Enter a price such as 10.00.",
                belowMin = "The price cannot be negative.",
                aboveMax = "Keep the price under 1,000,000.",
                tooPrecise = "Enter a price with at most 2 decimals.")
        String unitPrice,

        // A box left unticked sends nothing: null, as a primitive would refuse the whole form.
        Boolean autoRenew) {

    static PlanForm empty() {
        return new PlanForm(null, "P1M", null, false);
    }

    static PlanForm of(Plan plan) {
        return new PlanForm(
                plan.name(), plan.term().toString(), plan.unitPrice().amount().toPlainString(), plan.autoRenew());
    }

    NewPlan toNewPlan() {
        return new NewPlan(
                name,
                Terms.parseOrNull(term),
                DecimalNumber.Validator.parse(unitPrice),
                Boolean.TRUE.equals(autoRenew));
    }
}
