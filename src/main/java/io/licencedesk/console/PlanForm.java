package io.licencedesk.console;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Period;

/** Adding or editing a plan: a name, a term such as P1M, a price per screen, and whether its licences renew. */
record PlanForm(
        @NotBlank(message = "{consoleForm.enterAName}")
        @Size(max = 100, message = "{consoleForm.keepTheNameTo100Characters}")
        @PlainText
        String name,

        @NotBlank(message = "{consoleForm.enterATermSuchAsP1MOrP1Y}")
        String term,

        @DecimalNumber(
                min = "0.00",
                max = Plan.HIGHEST_UNIT_PRICE,
                fraction = 2,
                blank = "{consoleForm.enterAPricePerScreen}",
                notANumber = "{consoleForm.enterAPriceSuchAs1000}",
                belowMin = "{consoleForm.thePriceCannotBeNegative}",
                aboveMax = "{consoleForm.keepThePriceUnder1000000}",
                tooPrecise = "{consoleForm.enterAPriceWithAtMost2Decimals}")
        String unitPrice,

        // A box left unticked sends nothing: null, as a primitive would refuse the whole form.
        Boolean autoRenew) {

    static PlanForm empty() {
        return new PlanForm(null, "P1M", null, false);
    }

    static PlanForm of(Plan plan) {
        return new PlanForm(
                plan.name(),
                plan.term().toString(),
                TypedNumbers.forPage(plan.unitPrice().amount()),
                plan.autoRenew());
    }

    /**
     * The term typed, or null when it is not one LicenceDesk supports; the plan's own term ({@code kept}, null for a
     * new plan) as it was when it is typed unchanged, even if it is no longer one a new plan may have.
     */
    Period term(Period kept) {
        if (kept != null && term != null && term.strip().equalsIgnoreCase(kept.toString())) {
            return kept;
        }
        return Terms.parseOrNull(term);
    }

    NewPlan toNewPlan(Period kept) {
        return new NewPlan(name, term(kept), DecimalNumber.Validator.parse(unitPrice), Boolean.TRUE.equals(autoRenew));
    }
}
