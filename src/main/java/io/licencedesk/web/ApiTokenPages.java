package io.licencedesk.web;

import io.licencedesk.accounts.ApiToken;
import io.licencedesk.accounts.ApiTokenRefusedException;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.IssuedApiToken;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a person makes and revokes their own API tokens, which the console (staff) and the portal
 * (clients) each serve at their own address with their own controller; what the page does is the same, and is here.
 * A new token's secret is shown once, in the answer to the post that made it: never in an address, and never in the
 * session, which Spring Session writes to the database (as a flash attribute it sat there until the page after the
 * redirect read it, for good if that page was never asked for; decision 0159).
 */
@Component
public class ApiTokenPages {

    private final ApiTokens tokens;
    private final Reasons reasons;
    private final MessageSource messages;
    private final Clock clock;

    ApiTokenPages(ApiTokens tokens, Reasons reasons, MessageSource messages, Clock clock) {
        this.tokens = tokens;
        this.reasons = reasons;
        this.messages = messages;
        this.clock = clock;
    }

    /** The caller's tokens and the form to make one (a new one, unless a refused one is being shown again). */
    public String page(Caller caller, Model model, String view) {
        Instant now = clock.instant();
        model.addAttribute(
                "tokens",
                tokens.tokens(caller).stream()
                        .map(token -> ListedApiToken.of(token, now))
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ApiTokenForm.empty());
        }
        model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1));
        return view;
    }

    /**
     * Makes the token the form asks for and answers the page: with its secret and an empty form when made; with the
     * form's errors, or the refusal of accounts beside its field, and nothing made otherwise.
     */
    public String issue(Caller caller, ApiTokenForm form, BindingResult errors, Model model, String view) {
        if (made(caller, form, errors, model)) {
            model.addAttribute("form", ApiTokenForm.empty());
        }
        return page(caller, model, view);
    }

    private boolean made(Caller caller, ApiTokenForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            checkLastDayBeside(form, errors);
            return false;
        }
        IssuedApiToken issued;
        try {
            issued = tokens.issue(caller, form.toNewApiToken());
        } catch (ApiTokenRefusedException refused) {
            errors.rejectValue(refused.field(), "refused", reasons.text(refused));
            return false;
        }
        model.addAttribute("newToken", new NewTokenSecret(issued.token().name(), issued.secret()));
        model.addAttribute("toast", text("apiTokens.made", issued.token().name()));
        model.addAttribute("toastKind", "success");
        return true;
    }

    /** A form refused for another field also says what is wrong with its last day: every error at once. */
    private void checkLastDayBeside(ApiTokenForm form, BindingResult errors) {
        if (errors.hasFieldErrors("expiresOn")) {
            return;
        }
        LocalDate lastDay = IsoDateOrNone.Validator.parseOrNull(form.expiresOn());
        if (lastDay == null) {
            return;
        }
        try {
            tokens.checkLastDay(lastDay);
        } catch (ApiTokenRefusedException refused) {
            errors.rejectValue(refused.field(), "refused", reasons.text(refused));
        }
    }

    /** Revokes one of the caller's own tokens; another person's is not found (ApiTokenNotFoundException). */
    public void revoke(Caller caller, long id, RedirectAttributes redirect) {
        ApiToken revoked = tokens.revoke(caller, id);
        Toasts.success(redirect, text("apiTokens.revoked", revoked.name()));
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
