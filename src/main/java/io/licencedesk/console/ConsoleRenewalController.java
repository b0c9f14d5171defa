package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettingsRefusedException;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.RenewalRefusedException;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.renewals.Renewals.Renewed;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Renewing a licence by hand, choosing whether it renews by itself, and the owner's renewal settings (decision
 * 0048). The rules are the licence's and the renewal module's; this only asks and tells.
 */
@Controller
class ConsoleRenewalController {

    private final Renewals renewals;
    private final LicenceManagement licences;
    private final RenewalPreferences preferences;
    private final Reasons reasons;
    private final Words words;

    ConsoleRenewalController(
            Renewals renewals,
            LicenceManagement licences,
            RenewalPreferences preferences,
            Reasons reasons,
            Words words) {
        this.renewals = renewals;
        this.licences = licences;
        this.preferences = preferences;
        this.reasons = reasons;
        this.words = words;
    }

    @PostMapping("/licences/{id}/renew")
    String renew(Caller caller, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            Renewed renewed = renewals.renew(caller, id);
            String until = DateTimeFormatter.ofPattern("d MMM yyyy", locale)
                    .format(renewed.licence().endsOn());
            Toasts.success(
                    redirect,
                    renewed.runningTermInvoice() == null
                            ? words.of(
                                    "console.toast.renewal.renewed",
                                    renewed.licence().couponCode(),
                                    until,
                                    renewed.invoice().number(),
                                    renewed.invoice().buyer().email())
                            : words.of(
                                    "console.toast.renewal.renewedWithRunningTerm",
                                    renewed.licence().couponCode(),
                                    until,
                                    renewed.runningTermInvoice().number(),
                                    renewed.invoice().number(),
                                    renewed.invoice().buyer().email()));
        } catch (RenewalRefusedException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return "redirect:/licences/" + id;
    }

    /** {@code plan} follows the plan; {@code yes} and {@code no} are the licence's own choice. */
    @PostMapping("/licences/{id}/auto-renew")
    String chooseAutoRenew(
            Caller caller,
            @PathVariable long id,
            @RequestParam(name = "autoRenew", required = false) String choice,
            RedirectAttributes redirect) {
        // The licence first: an id that names none of this organisation's is the 404 of every address (decision
        // 0153), not a message about the form that was sent to it.
        licences.requireYours(caller, id);
        Boolean autoRenew;
        if ("yes".equals(choice)) {
            autoRenew = true;
        } else if ("no".equals(choice)) {
            autoRenew = false;
        } else if ("plan".equals(choice)) {
            autoRenew = null;
        } else {
            Toasts.error(redirect, words.of("console.toast.renewal.chooseAutoRenew"));
            return "redirect:/licences/" + id;
        }
        var saved = licences.chooseAutoRenew(caller, id, autoRenew);
        Toasts.success(
                redirect,
                words.of(
                        saved.renewal().renewsAutomatically()
                                ? "console.toast.renewal.renewsByItself"
                                : "console.toast.renewal.doesNotRenew",
                        saved.couponCode()));
        return "redirect:/licences/" + id;
    }

    @GetMapping("/settings/renewals")
    String settings(Caller caller, Model model) {
        model.addAttribute("form", RenewalSettingsForm.of(preferences.settings(caller)));
        return "console/renewal-settings";
    }

    @PostMapping("/settings/renewals")
    String saveSettings(
            Caller caller,
            @Valid @ModelAttribute("form") RenewalSettingsForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "console/renewal-settings";
        }
        boolean changed;
        try {
            changed = preferences.update(caller, form.toSettings());
        } catch (RenewalSettingsRefusedException refused) {
            errors.rejectValue(refused.field(), "refused", reasons.text(refused));
            return "console/renewal-settings";
        }
        Toasts.success(
                redirect,
                words.of(changed ? "console.toast.renewal.settingsSaved" : "console.toast.renewal.settingsUnchanged"));
        return "redirect:/settings/renewals";
    }
}
