package io.licencedesk.portal;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.web.PasswordChangeForm;
import io.licencedesk.web.ProfilePages;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's profile: their details and billing information, reminders, the language of the portal, and changing
 * their password. Only their own. What the console's profile does alike is in {@link ProfilePages}.
 */
@Controller
@RequestMapping("/portal/profile")
class PortalProfileController {

    private final AccountManagement accounts;
    private final ProfilePages profiles;
    private final RenewalPreferences preferences;
    private final Words words;

    PortalProfileController(
            AccountManagement accounts, ProfilePages profiles, RenewalPreferences preferences, Words words) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.preferences = preferences;
        this.words = words;
    }

    @GetMapping
    String show(Caller caller, Model model) {
        Client me = accounts.profile(caller);
        model.addAttribute("profile", ProfileForm.of(me));
        model.addAttribute("passwordForm", PasswordChangeForm.empty());
        return page(caller, me, model);
    }

    @PostMapping
    String update(
            Caller caller,
            @Valid @ModelAttribute("profile") ProfileForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", PasswordChangeForm.empty());
            return page(caller, accounts.profile(caller), model);
        }
        accounts.updateProfile(caller, form.toChange());
        profiles.refreshSignedInUser(caller, request, response);
        Toasts.success(redirect, words.of("profile.saved"));
        return "redirect:/portal/profile";
    }

    @PostMapping("/password")
    String changePassword(
            Caller caller,
            @Valid @ModelAttribute("passwordForm") PasswordChangeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (profiles.changePassword(caller, form, errors, redirect)) {
            return "redirect:/portal/profile";
        }
        Client me = accounts.profile(caller);
        model.addAttribute("profile", ProfileForm.of(me));
        return page(caller, me, model);
    }

    /** Reminders of ending licences and overdue invoices; the invoices themselves always arrive (decision 0048). */
    @PostMapping("/reminders")
    String reminders(
            Caller caller,
            @RequestParam(name = "reminders", required = false) String reminders,
            RedirectAttributes redirect) {
        boolean on = "on".equals(reminders);
        preferences.setRemindersOff(caller, !on);
        Toasts.success(redirect, words.of(on ? "profile.reminders.on" : "profile.reminders.off"));
        return "redirect:/portal/profile";
    }

    /**
     * The language of the portal, and of the e-mails and invoices sent to the client (decision 0053); none leaves
     * the pages to the browser's language and what is sent in English.
     */
    @PostMapping("/language")
    String language(
            Caller caller,
            @RequestParam(name = "language", required = false) String code,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        profiles.chooseLanguage(caller, code, redirect, request, response);
        return "redirect:/portal/profile";
    }

    private String page(Caller caller, Client me, Model model) {
        model.addAttribute("email", me.email());
        model.addAttribute("remindersOff", preferences.remindersOff(caller));
        model.addAttribute("language", profiles.chosenLanguage(caller));
        return "portal/profile";
    }
}
