package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.invoicing.IllegalInvoiceChangeException;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceSearch;
import io.licencedesk.invoicing.InvoiceStatus;
import io.licencedesk.invoicing.PaymentDateRefusedException;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.shared.Reason;
import io.licencedesk.web.Downloads;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The invoices page, an invoice's details, its PDF, and re-send, mark paid and void. */
@Controller
@RequestMapping("/invoices")
class ConsoleInvoiceController {

    private static final int PAGE_SIZE = 25;

    private final InvoiceManagement invoicing;
    private final InvoiceSearch search;
    private final AccountManagement accounts;
    private final LicenceManagement licences;
    private final Clock clock;
    private final Reasons reasons;
    private final Words words;

    ConsoleInvoiceController(
            InvoiceManagement invoicing,
            InvoiceSearch search,
            AccountManagement accounts,
            LicenceManagement licences,
            Clock clock,
            Reasons reasons,
            Words words) {
        this.reasons = reasons;
        this.words = words;
        this.invoicing = invoicing;
        this.search = search;
        this.accounts = accounts;
        this.licences = licences;
        this.clock = clock;
    }

    @GetMapping
    String list(
            Caller caller,
            @ModelAttribute("params") InvoiceListParams asked,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        // What cannot be read is left out and named above the list, rather than filtering silently by nothing.
        var ignored = new ArrayList<>(IgnoredFilters.notices("invoices", asked.notUnderstood(), words));
        InvoiceListParams params = asked;
        Client selectedClient = null;
        if (asked.clientId() != null) {
            selectedClient = accounts.findClient(caller.organisationId(), asked.clientId())
                    .orElse(null);
            if (selectedClient == null) {
                ignored.add(words.of("invoices.ignored.unknownClient"));
                params = asked.withoutClient();
            }
        }
        var listing = search.listing(caller, params.filter(), page, PAGE_SIZE);
        var invoices = listing.invoices();
        model.addAttribute("params", params);
        model.addAttribute("ignored", ignored);
        model.addAttribute("invoices", invoices);
        model.addAttribute("sums", listing.sums());
        model.addAttribute("deliveries", invoicing.latestDeliveries(caller, invoices.items()));
        model.addAttribute("status", params.statusValue());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("selectedClient", selectedClient);
        return "console/invoices";
    }

    @GetMapping("/{id}")
    String details(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("invoice", invoicing.invoice(caller, id));
        model.addAttribute("deliveries", invoicing.deliveries(caller, id));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        if (!model.containsAttribute("paidForm")) {
            model.addAttribute("paidForm", MarkPaidForm.on(today));
        }
        if (!model.containsAttribute("voidForm")) {
            model.addAttribute("voidForm", new VoidForm(null));
        }
        return "console/invoice";
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable long id, Locale language) {
        Invoice invoice = invoicing.invoice(caller, id);
        return Downloads.pdf(invoicing.pdfFileName(invoice, language), invoicing.pdf(caller, id));
    }

    @PostMapping("/{id}/resend")
    String resend(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(
                redirect,
                id,
                () -> words.of(
                        "console.toast.invoice.resent",
                        invoicing.resend(caller, id).number()));
    }

    @PostMapping("/{id}/paid")
    String markPaid(
            Caller caller,
            @PathVariable long id,
            @Valid @ModelAttribute("paidForm") MarkPaidForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        LocalDate paidOn = form.paidOnDate();
        if (errors.hasErrors() && !errors.hasFieldErrors("paidOn") && paidOn != null) {
            // The invoice's own rule for the date, beside the form's other refusals rather than after them (0077).
            Reason dateRefusal = invoicing.paymentDateRefusal(caller, id, paidOn);
            if (dateRefusal != null) {
                errors.rejectValue("paidOn", "refused", reasons.text(dateRefusal));
            }
        }
        if (errors.hasErrors()) {
            Invoice invoice = invoicing.invoice(caller, id);
            if (!invoice.payable()) {
                // Paid or voided since the page was loaded: the form is gone from the page, and its errors with it.
                Toasts.error(
                        redirect,
                        reasons.text(Reason.of(
                                "reason.invoice.notPayable",
                                invoice.number(),
                                new DefaultMessageSourceResolvable("invoice.status.inSentence."
                                        + invoice.status().name()))));
                return "redirect:/invoices/" + id;
            }
            return details(caller, id, model);
        }
        try {
            Invoice paid = invoicing.markPaid(caller, id, paidOn, form.reference());
            Toasts.success(redirect, words.of("console.toast.invoice.paid", paid.number()));
        } catch (PaymentDateRefusedException refused) {
            // Beside the date, with what was typed, rather than a toast over a reset form.
            errors.rejectValue("paidOn", "refused", reasons.text(refused));
            return details(caller, id, model);
        } catch (IllegalInvoiceChangeException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return "redirect:/invoices/" + id;
    }

    @PostMapping("/{id}/void")
    String voidInvoice(
            Caller caller,
            @PathVariable long id,
            @Valid @ModelAttribute("voidForm") VoidForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            Invoice invoice = invoicing.invoice(caller, id);
            if (!invoice.voidable()) {
                // Voided or paid since the page was loaded: the form is gone from the page, and its errors with it.
                Toasts.error(redirect, reasons.text(invoice.voidRefusal()));
                return "redirect:/invoices/" + id;
            }
            return details(caller, id, model);
        }
        return act(redirect, id, () -> {
            long licenceId = invoicing.invoice(caller, id).line().licenceId();
            boolean wasPausedForOverdue =
                    licences.details(caller, licenceId).renewal().pausedForOverdue();
            Invoice voided = invoicing.voidInvoice(caller, id, form.reason());
            LicenceDetails licence = licences.details(caller, licenceId);
            // Voiding the overdue invoice that held it paused resumes it (decision 0128): said, so it is no surprise.
            return wasPausedForOverdue && !licence.renewal().pausedForOverdue()
                    ? words.of(
                            "console.toast.invoice.voidedLicenceResumed",
                            voided.number(),
                            licence.couponCode().toString())
                    : words.of("console.toast.invoice.voided", voided.number());
        });
    }

    /**
     * Removes a payment marked by mistake (decision 0086); an invoice not paid (any more) is refused in a toast. A
     * licence that the payment had resumed and that is paused again (decision 0088) is named, so it is no surprise.
     */
    @PostMapping("/{id}/remove-payment")
    String removePayment(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, id, () -> {
            Invoice invoice = invoicing.removePayment(caller, id);
            LicenceDetails licence = licences.details(caller, invoice.line().licenceId());
            // Paused again only if this payment had resumed it; one an overdue invoice still held paused was not
            // resumed.
            boolean pausedAgain = !Boolean.FALSE.equals(invoice.paymentResumedLicence())
                    && licence.renewal().pausedForOverdue();
            return pausedAgain
                    ? words.of(
                            "console.toast.invoice.paymentRemovedLicencePaused",
                            invoice.number(),
                            licence.couponCode().toString())
                    : words.of("console.toast.invoice.paymentRemoved", invoice.number());
        });
    }

    private String act(RedirectAttributes redirect, long id, Supplier<String> change) {
        try {
            Toasts.success(redirect, change.get());
        } catch (IllegalInvoiceChangeException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return "redirect:/invoices/" + id;
    }
}
