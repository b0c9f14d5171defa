package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.CurrentPasswordLimitedException;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.PasswordRefusedException;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.accounts.WrongPasswordException;
import io.licencedesk.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a person's own profile page does in the console (staff) and the portal (clients) alike, each at its own
 * address with its own controller: changing their password, choosing the language of their pages (decision 0053),
 * and keeping the signed-in user in the session up to date after a change.
 */
@Component
public class ProfilePages {

    private final PasswordManagement passwords;
    private final UserLanguages languages;
    private final UserDetailsService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final Reasons reasons;
    private final Words words;

    ProfilePages(
            PasswordManagement passwords,
            UserLanguages languages,
            UserDetailsService users,
            Reasons reasons,
            Words words) {
        this.passwords = passwords;
        this.languages = languages;
        this.users = users;
        this.reasons = reasons;
        this.words = words;
    }

    /**
     * Changes the caller's password as the form asks: true when changed (the toast is in the flash; the caller's other
     * sessions end), false with the reason beside its field and nothing changed.
     */
    public boolean changePassword(
            Caller caller, PasswordChangeForm form, BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword")) {
            passwords
                    .passwordProblem(form.newPassword(), caller.email())
                    .ifPresent(problem -> errors.rejectValue("newPassword", "policy", reasons.text(problem)));
        }
        if (!errors.hasFieldErrors("newPassword") && !form.confirmed()) {
            errors.rejectValue("confirmation", "different", words.of("password.different"));
        }
        if (errors.hasErrors()) {
            return false;
        }
        try {
            passwords.changePassword(caller, form.currentPassword(), form.newPassword());
        } catch (WrongPasswordException wrong) {
            errors.rejectValue("currentPassword", "wrong", words.of("password.wrongCurrent"));
            return false;
        } catch (CurrentPasswordLimitedException tooMany) {
            errors.rejectValue(
                    "currentPassword",
                    "limited",
                    words.of("password.currentLimited", WaitInWords.of(tooMany.retryAfterSeconds(), words)));
            return false;
        } catch (PasswordRefusedException refused) {
            errors.rejectValue("newPassword", "policy", reasons.text(refused));
            return false;
        }
        Toasts.success(redirect, words.of("profile.passwordChanged"));
        return true;
    }

    /** The caller's chosen language's code, or "" when their pages follow the browser's language. */
    public String chosenLanguage(Caller caller) {
        return languages.chosen(caller).map(Language::code).orElse("");
    }

    /**
     * Saves the language the form names; none (blank) leaves the pages to the browser's language. An unknown code
     * changes nothing and says so. The toast is already in the new language.
     */
    public void chooseLanguage(
            Caller caller,
            String code,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean browsers = code == null || code.isBlank();
        Language language = browsers ? null : Language.ofCode(code).orElse(null);
        if (!browsers && language == null) {
            Toasts.error(redirect, words.of("profile.language.unknown"));
            return;
        }
        languages.choose(caller, language);
        if (browsers) {
            UserLocaleResolver.forget(request, response); // or a switch's or a sign-out's cookie would still decide
        }
        refreshSignedInUser(caller, request, response); // the session carries the language
        var locale = language != null ? language.locale() : LocaleContextHolder.getLocale();
        Toasts.success(redirect, words.of(locale, "profile.language.saved"));
    }

    /** The navigation shows the signed-in person's name, and pages their language, from the session: both follow. */
    public void refreshSignedInUser(Caller caller, HttpServletRequest request, HttpServletResponse response) {
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
