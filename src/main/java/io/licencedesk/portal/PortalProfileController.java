package io.licencedesk.portal;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.PasswordRefusedException;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.WrongPasswordException;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

    PortalProfileController(
            AccountManagement accounts,
            PasswordManagement passwords,
            UserDetailsService users,
            Reasons reasons,
            RenewalPreferences preferences) {
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
        Toasts.success(redirect, "Your details are saved.");
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
            errors.rejectValue("confirmation", "different", "The two new passwords are not the same.");
        }
        if (errors.hasErrors()) {
            return page(caller, me, model);
        }
        try {
            passwords.changePassword(caller, form.currentPassword(), form.newPassword());
        } catch (WrongPasswordException wrong) {
            errors.rejectValue("currentPassword", "wrong", "This is not your current password.");
            return page(caller, me, model);
        } catch (PasswordRefusedException refused) {
            errors.rejectValue("newPassword", "policy", reasons.text(refused));
            return page(caller, me, model);
        }
        Toasts.success(redirect, "Your password is changed.");
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
        Toasts.success(
                redirect,
                on ? "You will receive reminders." : "You will no longer receive reminders. Invoices still reach you.");
        return "redirect:/portal/profile";
    }

    private String page(Caller caller, Client me, Model model) {
        model.addAttribute("email", me.email());
        model.addAttribute("remindersOff", preferences.remindersOff(caller));
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
