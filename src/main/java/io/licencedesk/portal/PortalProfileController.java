package io.licencedesk.portal;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.PasswordRefusedException;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.accounts.WrongPasswordException;
import io.licencedesk.shared.Language;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's profile: their details and billing information, and changing their password. Only their own. */
@Controller
@RequestMapping("/portal/profile")
class PortalProfileController {

    private final AccountManagement accounts;
    private final PasswordManagement passwords;
    private final UserDetailsService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final Reasons reasons;
    private final RenewalPreferences preferences;
    private final UserLanguages languages;
    private final Words words;

    PortalProfileController(
            AccountManagement accounts,
            PasswordManagement passwords,
            UserDetailsService users,
            Reasons reasons,
            RenewalPreferences preferences,
            UserLanguages languages,
            Words words) {
        this.languages = languages;
        this.words = words;
        this.reasons = reasons;
        this.preferences = preferences;
        this.accounts = accounts;
        this.passwords = passwords;
        this.users = users;
    }

    @GetMapping
    String show(Caller caller, Model model) {
        Client me = accounts.profile(caller);
        model.addAttribute("profile", ProfileForm.of(me));
        model.addAttribute("passwordForm", ChangePasswordForm.empty());
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
        Client me = accounts.profile(caller);
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", ChangePasswordForm.empty());
            return page(caller, me, model);
        }
        accounts.updateProfile(caller, form.toChange());
        refreshSignedInUser(caller, request, response);
        Toasts.success(redirect, words.of("profile.saved"));
        return "redirect:/portal/profile";
    }

    @PostMapping("/password")
    String changePassword(
            Caller caller,
            @Valid @ModelAttribute("passwordForm") ChangePasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Client me = accounts.profile(caller);
        model.addAttribute("profile", ProfileForm.of(me));
        if (!errors.hasFieldErrors("newPassword") && !form.confirmed()) {
            errors.rejectValue("confirmation", "different", words.of("password.different"));
        }
        if (errors.hasErrors()) {
            return page(caller, me, model);
        }
        try {
            passwords.changePassword(caller, form.currentPassword(), form.newPassword());
        } catch (WrongPasswordException wrong) {
            errors.rejectValue("currentPassword", "wrong", words.of("password.wrongCurrent"));
            return page(caller, me, model);
        } catch (PasswordRefusedException refused) {
            errors.rejectValue("newPassword", "policy", reasons.text(refused));
            return page(caller, me, model);
        }
        Toasts.success(redirect, words.of("profile.passwordChanged"));
        return "redirect:/portal/profile";
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
     * the pages to the browser's language and what is sent in English. The toast is already in the new language.
     */
    @PostMapping("/language")
    String language(
            Caller caller,
            @RequestParam(name = "language", required = false) String code,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean browsers = code == null || code.isBlank();
        Language language = browsers ? null : Language.ofCode(code).orElse(null);
        if (!browsers && language == null) {
            Toasts.error(redirect, words.of("profile.language.unknown"));
            return "redirect:/portal/profile";
        }
        languages.choose(caller, language);
        refreshSignedInUser(caller, request, response);
        var locale = language != null ? language.locale() : LocaleContextHolder.getLocale();
        Toasts.success(redirect, words.of(locale, "profile.language.saved"));
        return "redirect:/portal/profile";
    }

    private String page(Caller caller, Client me, Model model) {
        model.addAttribute("email", me.email());
        model.addAttribute("remindersOff", preferences.remindersOff(caller));
        model.addAttribute(
                "language", languages.chosen(caller).map(Language::code).orElse(""));
        return "portal/profile";
    }

    /** The navigation shows the signed-in person's name from the session: it has to follow the change. */
    private void refreshSignedInUser(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = users.loadUserByUsername(caller.email());
        if (user instanceof CredentialsContainer signedIn) {
            signedIn.eraseCredentials();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
