package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.CurrencyFixedException;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.validation.Valid;
import java.util.Currency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's settings (owners only): legal details, invoicing and the expiring-soon window. */
@Controller
@RequestMapping("/settings")
class ConsoleSettingsController {

    private final AccountManagement accounts;
    private final Reasons reasons;
    private final Words words;

    ConsoleSettingsController(AccountManagement accounts, Reasons reasons, Words words) {
        this.reasons = reasons;
        this.words = words;
        this.accounts = accounts;
    }

    @GetMapping
    String form(Caller caller, Model model) {
        model.addAttribute("form", SettingsForm.of(accounts.organisation(caller)));
        return page(caller, model);
    }

    @PostMapping
    String save(
            Caller caller,
            @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            // Every error at once: a refused currency change too, which saving would only find on a valid form.
            Currency currency = form.currencyOrNull();
            if (currency != null && !errors.hasFieldErrors("currency")) {
                accounts.currencyChangeRefusal(caller, currency)
                        .ifPresent(fixed -> errors.rejectValue("currency", "fixed", reasons.text(fixed)));
            }
            return page(caller, model);
        }
        boolean changed;
        try {
            changed = accounts.updateSettings(caller, form.toSettings());
        } catch (CurrencyFixedException fixed) {
            errors.rejectValue("currency", "fixed", reasons.text(fixed));
            return page(caller, model);
        }
        // Told by the save itself (decision 0100): "Settings saved." for a form sent as it was said what did not
        // happen.
        Toasts.success(
                redirect, words.of(changed ? "console.toast.settings.saved" : "console.toast.settings.unchanged"));
        return "redirect:/settings";
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("currencyFixed", accounts.currencyFixed(caller));
        return "console/settings";
    }
}
