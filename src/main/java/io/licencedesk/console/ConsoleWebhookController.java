package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.webhooks.CreatedEndpoint;
import io.licencedesk.webhooks.EndpointRefusedException;
import io.licencedesk.webhooks.EventType;
import io.licencedesk.webhooks.SecretRolledMeanwhileException;
import io.licencedesk.webhooks.WebhookEndpoint;
import io.licencedesk.webhooks.Webhooks;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Webhooks (owners only): endpoints, each one's delivery log with "Send again", and whether private
 * addresses may receive webhooks. A new endpoint's signing secret is shown once, in the answer to its creation,
 * never stored in the session.
 */
@Controller
@RequestMapping("/settings/webhooks")
class ConsoleWebhookController {

    private static final int PAGE_SIZE = 25;

    private final Webhooks webhooks;
    private final Reasons reasons;
    private final MessageSource messages;
    private final Clock clock;

    ConsoleWebhookController(Webhooks webhooks, Reasons reasons, MessageSource messages, Clock clock) {
        this.webhooks = webhooks;
        this.reasons = reasons;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        model.addAttribute("form", WebhookEndpointForm.empty());
        return listPage(caller, model);
    }

    @PostMapping
    String register(
            Caller caller,
            @Valid @ModelAttribute("form") WebhookEndpointForm form,
            BindingResult errors,
            Model model,
            Locale locale) {
        String eventsProblem = form.eventsProblem();
        if (eventsProblem != null) {
            errors.rejectValue("eventTypes", "invalid", messages.getMessage(eventsProblem, null, locale));
        }
        // Another field's error stops the registration below; the address is checked anyway, so that the form
        // names every field's error at once instead of the address's only once the others are fixed.
        if (errors.hasErrors() && !errors.hasFieldErrors("url")) {
            webhooks.addressRefusal(caller, form.url())
                    .ifPresent(reason -> errors.rejectValue("url", "refused", reasons.text(reason)));
        }
        if (!errors.hasErrors()) {
            try {
                CreatedEndpoint created = webhooks.register(caller, form.toNewEndpoint());
                model.addAttribute("created", created);
                model.addAttribute("toast", text("webhooks.created", locale));
                model.addAttribute("toastKind", "success");
                return endpointPage(caller, created.endpoint().id(), 1, model);
            } catch (EndpointRefusedException refused) {
                errors.rejectValue(refused.field(), "refused", reasons.text(refused));
            }
        }
        return listPage(caller, model);
    }

    @GetMapping("/{id}")
    String endpoint(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        return endpointPage(caller, id, page, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(Caller caller, @PathVariable long id, Model model) {
        WebhookEndpoint endpoint = webhooks.endpoint(caller, id);
        model.addAttribute("form", WebhookEndpointEditForm.of(endpoint));
        return editPage(endpoint, model);
    }

    /**
     * Its description and events, by the same change as the API's (decision 0160): its rules, refusals and audit entry.
     * The address is no part of it (a new address is a new endpoint, decision 0161). The fields are judged on the
     * endpoint under its lock (decision 0162): one someone else changed too since the page was loaded is shown, and
     * nothing is saved; one left as loaded keeps what the endpoint has now.
     */
    @PostMapping("/{id}/edit")
    String edit(
            Caller caller,
            @PathVariable long id,
            @Valid @ModelAttribute("form") WebhookEndpointEditForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        WebhookEndpoint before = webhooks.endpoint(caller, id);
        String eventsProblem = form.eventsProblem();
        if (eventsProblem != null) {
            errors.rejectValue("eventTypes", "invalid", text(eventsProblem, locale));
        }
        if (errors.hasErrors()) {
            return editPage(before, model);
        }
        try {
            var locked = new AtomicReference<WebhookEndpoint>();
            WebhookEndpoint after = webhooks.change(caller, id, current -> {
                locked.set(current);
                Set<String> clashes = form.clashesWith(current);
                if (!clashes.isEmpty()) {
                    throw new EditedMeanwhileException(clashes);
                }
                return form.over(current);
            });
            // Told by what the change replaced under the lock: "saved" when a roll meanwhile was the only difference
            // from the page's read misled.
            Toasts.success(
                    redirect,
                    text(after.equals(locked.get()) ? "webhooks.edit.unchanged" : "webhooks.edit.saved", locale));
            return "redirect:/settings/webhooks/" + id;
        } catch (EndpointRefusedException refused) {
            errors.rejectValue(refused.field(), "refused", reasons.text(refused));
            return editPage(before, model);
        } catch (EditedMeanwhileException clash) {
            return editedMeanwhile(webhooks.endpoint(caller, id), form, clash.fields(), model, locale);
        }
    }

    /**
     * The edit page again over the endpoint as someone else left it, each field both changed saying what it is now,
     * with the person's own values in the fields: saved again, they replace the other edit knowingly.
     */
    private String editedMeanwhile(
            WebhookEndpoint now, WebhookEndpointEditForm form, Set<String> fields, Model model, Locale locale) {
        WebhookEndpointEditForm again = form.loadedFrom(now);
        var errors = new DirectFieldBindingResult(again, "form");
        if (fields.contains("description")) {
            String value = now.description() == null
                    ? text("webhooks.edit.editedMeanwhile.noDescription", locale)
                    : now.description();
            errors.rejectValue("description", "editedMeanwhile", editedMeanwhileText(value, locale));
        }
        if (fields.contains("eventTypes")) {
            String value = now.allTypes()
                    ? text("webhooks.edit.editedMeanwhile.allEvents", locale)
                    : String.join(", ", ChosenEvents.names(now));
            errors.rejectValue("eventTypes", "editedMeanwhile", editedMeanwhileText(value, locale));
        }
        model.addAttribute("form", again);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        // Not "correct the fields": nothing typed was wrong.
        model.addAttribute("editedMeanwhile", true);
        return editPage(now, model);
    }

    private String editedMeanwhileText(String valueNow, Locale locale) {
        return messages.getMessage("webhooks.edit.editedMeanwhile", new Object[] {valueNow}, locale);
    }

    @PostMapping("/{id}/enable")
    String enable(Caller caller, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        webhooks.enable(caller, id);
        Toasts.success(redirect, text("webhooks.enabled", locale));
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(Caller caller, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        webhooks.disable(caller, id);
        Toasts.success(redirect, text("webhooks.disabled", locale));
        return "redirect:/settings/webhooks/" + id;
    }

    /**
     * A new signing secret, shown once in this answer as at creation; the one it replaces signs beside it for a day
     * unless the owner chose to stop it now (decision 0157).
     */
    @PostMapping("/{id}/roll-secret")
    String rollSecret(
            Caller caller,
            @PathVariable long id,
            @RequestParam(defaultValue = "keep") String previous,
            @RequestParam(required = false) String secretAsLoaded,
            Model model,
            Locale locale) {
        boolean keep = !"stop".equals(previous);
        CreatedEndpoint rolled;
        try {
            // The secret the page showed as current: of two owners rolling at once, the second is told rather than
            // replacing the secret the first was just shown (decision 0170). A page loaded before this field rolls.
            rolled = webhooks.rollSecret(caller, id, keep, loaded(secretAsLoaded));
        } catch (SecretRolledMeanwhileException meanwhile) {
            model.addAttribute("toast", text("webhooks.roll.rolledMeanwhile", locale));
            model.addAttribute("toastKind", "danger");
            return endpointPage(caller, id, 1, model);
        }
        model.addAttribute("created", rolled);
        model.addAttribute("rolled", true);
        model.addAttribute("toast", text(keep ? "webhooks.roll.doneKept" : "webhooks.roll.doneStopped", locale));
        model.addAttribute("toastKind", "success");
        return endpointPage(caller, id, 1, model);
    }

    @PostMapping("/{id}/delete")
    String delete(Caller caller, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        webhooks.delete(caller, id);
        Toasts.success(redirect, text("webhooks.deleted", locale));
        return "redirect:/settings/webhooks";
    }

    /** A delivery's request (headers and the exact body) and its last answer, beside the log row's summary. */
    @GetMapping("/{id}/deliveries/{deliveryId}")
    String delivery(Caller caller, @PathVariable long id, @PathVariable long deliveryId, Model model) {
        model.addAttribute("endpoint", webhooks.endpoint(caller, id));
        model.addAttribute("request", webhooks.delivery(caller, id, deliveryId));
        return "console/webhook-delivery";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/send-again")
    String sendAgain(
            Caller caller,
            @PathVariable long id,
            @PathVariable long deliveryId,
            RedirectAttributes redirect,
            Locale locale) {
        if (webhooks.sendAgain(caller, id, deliveryId)) {
            Toasts.success(redirect, text("webhooks.sendAgain.done", locale));
        } else {
            Toasts.error(redirect, text("webhooks.sendAgain.notOver", locale));
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/private-addresses")
    String privateAddresses(
            Caller caller,
            @RequestParam(defaultValue = "false") boolean allowed,
            RedirectAttributes redirect,
            Locale locale) {
        webhooks.allowPrivateAddresses(caller, allowed);
        Toasts.success(redirect, text(allowed ? "webhooks.private.allowed" : "webhooks.private.refused", locale));
        return "redirect:/settings/webhooks";
    }

    private String listPage(Caller caller, Model model) {
        model.addAttribute("endpoints", webhooks.endpoints(caller));
        model.addAttribute("privateAllowed", webhooks.privateAddressesAllowed(caller));
        model.addAttribute("eventTypes", EventType.values());
        return "console/webhooks";
    }

    private String editPage(WebhookEndpoint endpoint, Model model) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("eventTypes", EventType.values());
        return "console/webhook-edit";
    }

    private String endpointPage(Caller caller, long id, int page, Model model) {
        model.addAttribute("endpoint", webhooks.endpoint(caller, id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("deliveries", webhooks.deliveries(caller, id, page, PAGE_SIZE));
        return "console/webhook";
    }

    /** The instant the page was loaded with; one that is not an instant names no secret, so it is never current. */
    private static Instant loaded(String secretAsLoaded) {
        if (secretAsLoaded == null) {
            return null;
        }
        try {
            return Instant.parse(secretAsLoaded);
        } catch (DateTimeParseException notAnInstant) {
            return Instant.EPOCH;
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
