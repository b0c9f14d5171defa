package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.PeopleRefusedException;
import io.licencedesk.accounts.Person;
import io.licencedesk.mail.Outbox;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff stop and restore a client's portal access, and e-mail a client a link to choose a new password (decision
 * 0055). Each answers with a toast on the page it was asked from.
 */
@Controller
@RequestMapping("/clients/{id}")
class ConsoleClientAccessController {

    private final People people;
    private final Outbox outbox;
    private final Reasons reasons;
    private final MessageSource messages;

    ConsoleClientAccessController(People people, Outbox outbox, Reasons reasons, MessageSource messages) {
        this.people = people;
        this.outbox = outbox;
        this.reasons = reasons;
        this.messages = messages;
    }

    @PostMapping("/disable")
    String disable(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        Person client = people.disableClient(caller, id);
        Toasts.success(redirect, text("people.client.disabled", client.name()));
        return back(from, id);
    }

    @PostMapping("/enable")
    String enable(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        Person client = people.enableClient(caller, id);
        Toasts.success(redirect, text("people.client.enabled", client.name()));
        return back(from, id);
    }

    @PostMapping("/password-reset")
    String sendPasswordReset(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        Person client = people.client(caller, id);
        try {
            people.sendPasswordReset(caller, id);
            Toasts.success(
                    redirect,
                    text("people.client.resetSent", client.email())
                            + (outbox.accountLinksGoToTheLog() ? " " + text("people.client.linkInLog") : ""));
        } catch (PeopleRefusedException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return back(from, id);
    }

    private static String back(String from, long id) {
        return "redirect:" + Referers.localPathOr(from, "/clients/" + id);
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
