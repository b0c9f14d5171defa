package io.licencedesk.invoicing;

import io.licencedesk.mail.OutgoingEmail;
import io.licencedesk.shared.Html;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The e-mail that carries an invoice: a short text and HTML body with the PDF attached, both in the client's
 * language (decision 0053), with the words of messages.properties and its translations.
 */
@Component
class InvoiceMessages {

    static final String SUBJECT_TYPE = "INVOICE";

    private final InvoicePdf pdf;
    private final InvoiceWords words;
    private final String portal;

    InvoiceMessages(InvoicePdf pdf, InvoiceWords words, @Value("${licencedesk.base-url}") String baseUrl) {
        this.pdf = pdf;
        this.words = words;
        this.portal = baseUrl.replaceAll("/+$", "") + "/portal";
    }

    OutgoingEmail emailFor(Invoice invoice, String senderName, String senderEmail, Locale locale) {
        String subject = words.text(
                locale,
                "invoice.email.subject",
                invoice.number(),
                invoice.seller().name());
        String total = invoice.totals().total().formatted(locale);
        // Sent again once paid (a copy for the client's books), it says so rather than ask for the money again.
        boolean paid = invoice.status() == InvoiceStatus.PAID;
        String due = InvoiceWords.date(invoice.dueOn(), locale);
        String paidOn = paid ? InvoiceWords.date(invoice.paidOn(), locale) : null;
        String portalKey = paid ? "invoice.email.portalPaid" : "invoice.email.portal";
        String term = words.term(invoice, locale);
        // What the PDF's totals say, in one line (decision 0175): before VAT, the VAT's rate and amount or why none is
        // charged, the total and its currency, so that the body an accountant files agrees with the PDF.
        String amounts = invoice.totals().vatLine("invoice.email.amounts", locale);
        List<String> seller = words.sellerIdentity(invoice, locale);
        List<String> howToPay = words.howToPay(invoice, locale).stream()
                .map(line -> line.endsWith(".") || line.contains("\n") ? line : line + ".")
                .toList();
        // The invoice's page in the portal: its amount, due date and how to pay, even when the seller gave no payment
        // details to print here, and the way back to it without digging for the e-mail's attachment.
        String page = portal + "/invoices/" + invoice.id();
        String text = words.text(locale, "invoice.email.hello", invoice.buyer().name()) + "\n\n"
                + words.text(
                        locale,
                        "invoice.email.attached",
                        invoice.number(),
                        invoice.line().licenceName(),
                        term)
                + "\n\n"
                + amounts
                + "\n"
                + (paid
                        ? words.text(locale, "invoice.email.paid", total, paidOn)
                        : words.text(locale, "invoice.email.due", total, due))
                + "\n"
                + (howToPay.isEmpty() ? "" : "\n" + String.join("\n", howToPay) + "\n")
                + "\n" + words.text(locale, portalKey, page) + "\n\n"
                + words.text(locale, "invoice.email.thanks") + "\n"
                + invoice.seller().name() + "\n"
                + seller.stream().map(line -> line + "\n").collect(Collectors.joining());
        String html = "<p>"
                + Html.escape(words.text(
                        locale, "invoice.email.hello", invoice.buyer().name())) + "</p>\n"
                + "<p>"
                + words.text(
                        locale,
                        "invoice.email.attached",
                        "<strong>" + Html.escape(invoice.number()) + "</strong>",
                        Html.escape(invoice.line().licenceName()),
                        Html.escape(term))
                + "</p>\n"
                + "<p>" + Html.escape(amounts) + "<br>\n"
                + (paid
                        ? words.text(
                                locale, "invoice.email.paid", "<strong>" + Html.escape(total) + "</strong>", paidOn)
                        : words.text(locale, "invoice.email.due", "<strong>" + Html.escape(total) + "</strong>", due))
                + "</p>\n"
                + (howToPay.isEmpty()
                        ? ""
                        : "<p>"
                                + String.join(
                                        "<br>",
                                        howToPay.stream().map(Html::escape).toList()) + "</p>\n")
                + "<p>"
                + words.text(locale, portalKey, "<a href=\"" + Html.escape(page) + "\">" + Html.escape(page) + "</a>")
                + "</p>\n"
                + "<p>" + Html.escape(words.text(locale, "invoice.email.thanks")) + "<br>"
                + Html.escape(invoice.seller().name())
                + seller.stream().map(line -> "<br>" + Html.escape(line)).collect(Collectors.joining()) + "</p>\n";
        return new OutgoingEmail(
                invoice.organisationId(),
                SUBJECT_TYPE,
                invoice.id(),
                senderName,
                senderEmail,
                invoice.buyer().email(),
                subject,
                text,
                html,
                pdf.fileName(invoice, locale),
                pdf.render(invoice, locale));
    }
}
