package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.mail.DeliveryStatus;
import io.licencedesk.mail.Outbox;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox: every e-mail with its delivery state and last error, failed ones can be retried.
 * With no SMTP server configured, this is where the messages can be read.
 */
@Controller
@RequestMapping("/outbox")
class ConsoleOutboxController {

    private static final int PAGE_SIZE = 25;

    private final Outbox outbox;
    private final Words words;

    ConsoleOutboxController(Outbox outbox, Words words) {
        this.outbox = outbox;
        this.words = words;
    }

    @GetMapping
    String list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        DeliveryStatus filter = StatusFilter.parse(DeliveryStatus.class, status);
        model.addAttribute("messages", outbox.messages(caller, filter, page, PAGE_SIZE));
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", DeliveryStatus.values());
        return "console/outbox";
    }

    @GetMapping("/{id}")
    String message(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("message", outbox.message(caller, id));
        // The demo without a mail server: the invitation's or reset's link is only in the server's log (decision 0176).
        model.addAttribute("linksGoToTheLog", outbox.accountLinksGoToTheLog());
        return "console/outbox-message";
    }

    @PostMapping("/{id}/retry")
    String retry(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        if (outbox.retry(caller, id)) {
            Toasts.success(redirect, words.of("console.toast.outbox.retried"));
        } else {
            Toasts.error(redirect, words.of("console.toast.outbox.notFailed"));
        }
        return "redirect:/outbox/" + id;
    }
}
