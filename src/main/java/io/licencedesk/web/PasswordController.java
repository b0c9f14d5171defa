package io.licencedesk.web;

import io.licencedesk.accounts.PasswordLinkInvalidException;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.PasswordRefusedException;
import io.licencedesk.accounts.ResetRequests;
import io.licencedesk.mail.Outbox;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public password pages: asking for a reset link, and choosing a password with a link from an
 * e-mail (an invitation or a reset). The reset page answers the same whether or not the address has
 * an account, so it cannot be used to find out who has one.
 */
@Controller
@RequestMapping("/password")
class PasswordController {

    private final PasswordManagement passwords;
    private final ResetRequests resetRequests;
    private final Outbox outbox;
    private final Reasons reasons;
    private final Words words;

    PasswordController(
            PasswordManagement passwords, ResetRequests resetRequests, Outbox outbox, Reasons reasons, Words words) {
        this.resetRequests = resetRequests;
        this.words = words;
        this.reasons = reasons;
        this.passwords = passwords;
        this.outbox = outbox;
    }

    @GetMapping("/forgot")
    String forgotForm(Model model) {
        model.addAttribute("form", new ForgotPasswordForm(null));
        return "password/forgot";
    }

    /** On the demo without a mail server, the reset link is only in the server's log: the page says so. */
    @ModelAttribute("linksGoToTheLog")
    boolean linksGoToTheLog() {
        return outbox.accountLinksGoToTheLog();
    }

    @PostMapping("/forgot")
    String forgot(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return "password/forgot";
        }
        // Made after the answer, so that its time does not tell whether the address has an account (decision 0159).
        resetRequests.ask(form.email());
        return "redirect:/password/forgot?sent";
    }

    /**
     * The link's token is in this page's address: with the site's policy (strict-origin-when-cross-origin) the page's
     * own requests (its style sheets and scripts, its form, a language link) carried the whole address, token included,
     * in their Referer to this server, where a proxy's or a CDN's log keeps it. This page and its answers send none
     * (decision 0159).
     */
    private static final String NO_REFERRER = "no-referrer";

    @GetMapping("/set")
    String setForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", NO_REFERRER);
        Optional<String> email = passwords.linkEmail(token);
        if (email.isEmpty()) {
            return "password/link-invalid";
        }
        model.addAttribute("email", email.get());
        model.addAttribute("firstPassword", passwords.linkSetsAFirstPassword(token));
        model.addAttribute("form", new SetPasswordForm(token, null, null));
        return "password/set";
    }

    @PostMapping("/set")
    String set(
            @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        response.setHeader("Referrer-Policy", NO_REFERRER);
        Optional<String> email = passwords.linkEmail(form.token());
        if (email.isEmpty()) {
            return "password/link-invalid";
        }
        model.addAttribute("email", email.get());
        model.addAttribute("firstPassword", passwords.linkSetsAFirstPassword(form.token()));
        if (!errors.hasFieldErrors("password")) {
            passwords
                    .passwordProblem(form.password(), email.get())
                    .ifPresent(problem -> errors.rejectValue("password", "policy", reasons.text(problem)));
        }
        if (!errors.hasFieldErrors("password") && !form.confirmed()) {
            errors.rejectValue("confirmation", "different", words.of("password.set.different"));
        }
        if (errors.hasErrors()) {
            return "password/set";
        }
        try {
            passwords.setPassword(form.token(), form.password());
            // Not a flash attribute: it made a session, and nobody has one before signing in (decision 0132).
            SignInEmail.keep(request, response, email.get());
            return "redirect:/login?passwordSet";
        } catch (PasswordRefusedException refused) {
            errors.rejectValue("password", "policy", reasons.text(refused));
            return "password/set";
        } catch (PasswordLinkInvalidException usedMeanwhile) {
            return "password/link-invalid";
        }
    }
}
