package io.licencedesk.console;

import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.Terms;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Adding or editing a plan: a name, a term such as P1M, and a price per screen. */
record PlanForm(
        @NotBlank(message = "Enter a name.") @Size(max = 100, message = "Keep the name to 100 characters.") @PlainText
        String name,

        @NotBlank(message = "Enter a term, such as P1M or P1Y.") @PlanTerm
        String term,

        @NotNull(message = "Enter a price per screen.")
        @DecimalMin(value = "0.00", message = "The price cannot be negative.")
        @DecimalMax(value = "1000000.00", message = "Keep the price under 1,000,000.")
        @Digits(integer = 7, fraction = 2, message = "Enter a price with at most 2 decimals.")
        BigDecimal unitPrice) {

    static PlanForm empty() {
        return new PlanForm(null, "P1M", null);
    }

    static PlanForm of(Plan plan) {
        return new PlanForm(
                plan.name(), plan.term().toString(), plan.unitPrice().amount());
    }

    NewPlan toNewPlan() {
        return new NewPlan(name, Terms.parseOrNull(term), unitPrice);
    }
}
