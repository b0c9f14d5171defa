package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.PaymentSettingsRefusedException;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Payment (owners): what invoices tell clients about paying (decision 0052). */
@Controller
@RequestMapping("/settings/payment")
class ConsolePaymentSettingsController {

    private final PaymentDetails payment;
    private final Reasons reasons;
    private final Words words;

    ConsolePaymentSettingsController(PaymentDetails payment, Reasons reasons, Words words) {
        this.payment = payment;
        this.reasons = reasons;
        this.words = words;
    }

    @GetMapping
    String form(Caller caller, Model model) {
        model.addAttribute("form", PaymentSettingsForm.of(payment.of(caller)));
        return "console/payment-settings";
    }

    @PostMapping
    String save(
            Caller caller,
            @Valid @ModelAttribute("form") PaymentSettingsForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        // Every field's error at once: a bad IBAN beside a bad VAT number, not only once the other is put right.
        for (PaymentSettingsRefusedException refused : PaymentDetails.refusals(form.toSettings())) {
            if (!errors.hasFieldErrors(refused.field())) {
                errors.rejectValue(refused.field(), "refused", reasons.text(refused));
            }
        }
        if (errors.hasErrors()) {
            return "console/payment-settings";
        }
        boolean changed;
        try {
            changed = payment.update(caller, form.toSettings());
        } catch (PaymentSettingsRefusedException refused) {
            errors.rejectValue(refused.field(), "refused", reasons.text(refused));
            return "console/payment-settings";
        }
        Toasts.success(redirect, words.of(changed ? "console.toast.payment.saved" : "console.toast.payment.unchanged"));
        return "redirect:/settings/payment";
    }
}
