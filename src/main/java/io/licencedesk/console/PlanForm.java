package io.licencedesk.console;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adding or editing a plan: a name, a term as people write it ("3 months", "1 an"; an ISO-8601 period such as P3M is
 * read too), a price per screen, and whether its licences renew.
 */
record PlanForm(
        @NotBlank(message = "{consoleForm.enterAName}")
        @Size(max = 100, message = "{consoleForm.keepTheNameTo100Characters}")
        @PlainText
        String name,

        @NotBlank(message = "{consoleForm.enterATerm}") String term,

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

    /** A new plan's form: a term of one month, written in the page's language. */
    static PlanForm empty() {
        return new PlanForm(null, Terms.describe(Period.ofMonths(1)), null, false);
    }

    static PlanForm of(Plan plan) {
        return new PlanForm(
                plan.name(),
                Terms.describe(plan.term()),
                TypedNumbers.forPage(plan.unitPrice().amount()),
                plan.autoRenew());
    }

    /**
     * The term typed, or null when it is not one LicenceDesk supports; the plan's own term ({@code kept}, null for a
     * new plan) as it was when it is left as the form showed it (in either language, or as its ISO-8601 period),
     * even if it is no longer one a new plan may have.
     */
    Period term(Period kept) {
        if (kept != null
                && term != null
                && writtenAs(kept).contains(term.strip().toLowerCase(Locale.ROOT))) {
            return kept;
        }
        return Terms.parseWrittenOrNull(term);
    }

    /** What the term box offers as it is typed in, in the page's language; any other term may be written. */
    static List<String> termSuggestions() {
        return Stream.of(
                        Period.ofMonths(1),
                        Period.ofMonths(3),
                        Period.ofMonths(6),
                        Period.ofYears(1),
                        Period.ofYears(2))
                .map(Terms::describe)
                .toList();
    }

    private static Set<String> writtenAs(Period term) {
        return Stream.concat(
                        Stream.of(term.toString()),
                        Stream.of(Language.values()).map(language -> Terms.describe(term, language.locale())))
                .map(written -> written.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    NewPlan toNewPlan(Period kept) {
        return new NewPlan(name, term(kept), DecimalNumber.Validator.parse(unitPrice), Boolean.TRUE.equals(autoRenew));
    }
}
