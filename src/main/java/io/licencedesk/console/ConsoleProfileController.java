package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.PasswordRefusedException;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.Person;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.accounts.WrongPasswordException;
import io.licencedesk.shared.Language;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
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

/**
 * A member of staff's own profile: their name, the address they sign in with, the language of their pages (decision
 * 0053), and changing their password.
 */
@Controller
@RequestMapping("/profile")
class ConsoleProfileController {

    private static final String VIEW = "console/profile";

    private final People people;
    private final PasswordManagement passwords;
    private final UserDetailsService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final Reasons reasons;
    private final MessageSource messages;
    private final UserLanguages languages;

    ConsoleProfileController(
            People people,
            PasswordManagement passwords,
            UserDetailsService users,
            Reasons reasons,
            MessageSource messages,
            UserLanguages languages) {
        this.people = people;
        this.passwords = passwords;
        this.users = users;
        this.reasons = reasons;
        this.messages = messages;
        this.languages = languages;
    }

    @GetMapping
    String show(Caller caller, Model model) {
        Person me = people.me(caller);
        model.addAttribute("nameForm", new StaffNameForm(me.name()));
        model.addAttribute("passwordForm", StaffPasswordForm.empty());
        return page(caller, me, model);
    }

    @PostMapping
    String rename(
            Caller caller,
            @Valid @ModelAttribute("nameForm") StaffNameForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", StaffPasswordForm.empty());
            return page(caller, people.me(caller), model);
        }
        people.rename(caller, form.name());
        refreshSignedInUser(caller, request, response);
        Toasts.success(redirect, text("people.profile.saved"));
        return "redirect:/profile";
    }

    @PostMapping("/password")
    String changePassword(
            Caller caller,
            @Valid @ModelAttribute("passwordForm") StaffPasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Person me = people.me(caller);
        model.addAttribute("nameForm", new StaffNameForm(me.name()));
        if (!errors.hasFieldErrors("newPassword") && !form.confirmed()) {
            errors.rejectValue("confirmation", "different", text("people.password.different"));
        }
        if (errors.hasErrors()) {
            return page(caller, me, model);
        }
        try {
            passwords.changePassword(caller, form.currentPassword(), form.newPassword());
        } catch (WrongPasswordException wrong) {
            errors.rejectValue("currentPassword", "wrong", text("people.password.wrong"));
            return page(caller, me, model);
        } catch (PasswordRefusedException refused) {
            errors.rejectValue("newPassword", "policy", reasons.text(refused));
            return page(caller, me, model);
        }
        Toasts.success(redirect, text("people.password.changed"));
        return "redirect:/profile";
    }

    /** None leaves the pages to the browser's language. The toast is already in the new language. */
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
            Toasts.error(redirect, text("profile.language.unknown"));
            return "redirect:/profile";
        }
        languages.choose(caller, language);
        refreshSignedInUser(caller, request, response); // the session carries the language
        var locale = language != null ? language.locale() : LocaleContextHolder.getLocale();
        Toasts.success(redirect, messages.getMessage("profile.language.saved", null, locale));
        return "redirect:/profile";
    }

    private String page(Caller caller, Person me, Model model) {
        model.addAttribute("person", me);
        model.addAttribute(
                "language", languages.chosen(caller).map(Language::code).orElse(""));
        return VIEW;
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

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
