package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.InvalidLicenceException;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.PlanNameTakenException;
import io.licencedesk.shared.Reason;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.validation.Valid;
import java.time.Period;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Plans: staff read them, owners add and edit them. */
@Controller
@RequestMapping("/plans")
class ConsolePlanController {

    private final PlanCatalogue plans;
    private final Reasons reasons;
    private final Words words;

    ConsolePlanController(PlanCatalogue plans, Reasons reasons, Words words) {
        this.reasons = reasons;
        this.words = words;
        this.plans = plans;
    }

    /**
     * The plan form's suggested terms, on every page of it: a form that could not be bound at all (a hostile request)
     * has no form object to ask.
     */
    @ModelAttribute("termSuggestions")
    List<String> termSuggestions() {
        return PlanForm.termSuggestions();
    }

    @GetMapping
    String list(Caller caller, Model model) {
        model.addAttribute("plans", plans.plans(caller));
        return "console/plans";
    }

    @GetMapping("/new")
    String addForm(Model model) {
        model.addAttribute("form", PlanForm.empty());
        return "console/plan-form";
    }

    @PostMapping
    String add(
            Caller caller,
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        refuseTerm(form, errors, null);
        refusePrice(caller, form, errors);
        return save(form, errors, redirect, () -> plans.addPlan(caller, form.toNewPlan(null)), "plans.created");
    }

    @GetMapping("/{id}/edit")
    String editForm(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("form", PlanForm.of(plans.plan(caller, id)));
        model.addAttribute("planId", id);
        return "console/plan-form";
    }

    @PostMapping("/{id}")
    String edit(
            Caller caller,
            @PathVariable long id,
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Period kept = plans.plan(caller, id).term();
        model.addAttribute("planId", id);
        refuseTerm(form, errors, kept);
        refusePrice(caller, form, errors);
        return save(form, errors, redirect, () -> plans.updatePlan(caller, id, form.toNewPlan(kept)), "plans.updated");
    }

    /**
     * A term LicenceDesk supports (decision 0083), or the plan's own term left as it was: a plan made before that
     * decision with a term now refused (P1M1D) keeps it while its name or price changes, as the catalogue allows.
     */
    private void refuseTerm(PlanForm form, BindingResult errors, Period kept) {
        if (checked(errors) && !errors.hasFieldErrors("term") && form.term(kept) == null) {
            errors.rejectValue("term", "invalid", reasons.text(Reason.of("reason.plan.unsupportedTermWritten")));
        }
    }

    /** A price the catalogue cannot keep (more decimals than the currency has), shown beside the form's refusals. */
    private void refusePrice(Caller caller, PlanForm form, BindingResult errors) {
        if (checked(errors) && !errors.hasFieldErrors("unitPrice")) {
            plans.priceRefusals(caller, DecimalNumber.Validator.parse(form.unitPrice()))
                    .forEach((field, reason) -> errors.rejectValue(field, "invalid", reasons.text(reason)));
        }
    }

    /**
     * Whether the form's own checks ran: a field that could not be bound (a yes/no box sent "abc") leaves them unrun,
     * and the form without a value to refuse beside.
     */
    private static boolean checked(BindingResult errors) {
        return errors.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure);
    }

    private String save(
            PlanForm form, BindingResult errors, RedirectAttributes redirect, Supplier<Plan> save, String doneKey) {
        if (errors.hasErrors()) {
            return "console/plan-form";
        }
        try {
            Toasts.success(redirect, words.of(doneKey, save.get().name()));
            return "redirect:/plans";
        } catch (PlanNameTakenException taken) {
            errors.rejectValue("name", "taken", reasons.text(taken));
            return "console/plan-form";
        } catch (InvalidLicenceException invalid) {
            errors.rejectValue(invalid.field(), "invalid", reasons.text(invalid));
            return "console/plan-form";
        }
    }
}
