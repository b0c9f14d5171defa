package io.licencedesk.portal;

import io.licencedesk.accounts.Caller;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.web.Downloads;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The client's invoices and their PDFs. */
@Controller
class PortalInvoiceController {

    private static final int PAGE_SIZE = 25;

    private final InvoiceManagement invoicing;
    private final Clock clock;

    PortalInvoiceController(InvoiceManagement invoicing, Clock clock) {
        this.invoicing = invoicing;
        this.clock = clock;
    }

    @GetMapping("/portal/invoices")
    String list(Caller client, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("invoices", invoicing.clientInvoices(client, page, PAGE_SIZE));
        // An invoice still unpaid after its due date reads "Overdue": "Issued" or "Sent" told a client nothing was
        // late.
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/invoices";
    }

    /** One invoice: what is due and by when, how to pay it (decision 0052), and its status. */
    @GetMapping("/portal/invoices/{id}")
    String invoice(Caller client, @PathVariable long id, Model model) {
        model.addAttribute("invoice", invoicing.clientInvoice(client, id));
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/invoice";
    }

    @GetMapping("/portal/invoices/{id}/pdf")
    ResponseEntity<byte[]> pdf(Caller client, @PathVariable long id, Locale language) {
        Invoice invoice = invoicing.clientInvoice(client, id);
        return Downloads.pdf(invoicing.pdfFileName(invoice, language), invoicing.clientPdf(client, id));
    }
}
