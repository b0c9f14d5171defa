package io.licencedesk.invoicing;

import io.licencedesk.mail.OutgoingEmail;
import io.licencedesk.shared.Html;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The e-mail that carries an invoice: a short text and HTML body with the PDF attached. */
@Component
class InvoiceMessages {

    static final String SUBJECT_TYPE = "INVOICE";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final InvoicePdf pdf;

    InvoiceMessages(InvoicePdf pdf) {
        this.pdf = pdf;
    }

    /**
     * The lines that tell the client how to pay, as on the PDF: bank account, instructions, payment link, and the
     * reverse-charge mention (decision 0052). None for an invoice that asks for no payment.
     */
    static List<String> howToPay(Invoice invoice) {
        List<String> lines = new ArrayList<>();
        if (invoice.totals().reverseCharge()) {
            lines.add("Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive"
                    + " 2006/112/EC).");
        }
        Invoice.Payment payment = invoice.seller().payment();
        if (payment.iban() != null) {
            lines.add("Bank transfer to IBAN " + payment.ibanGrouped()
                    + (payment.bic() != null ? ", BIC " + payment.bic() : "") + ".");
        }
        if (payment.instructions() != null) {
            lines.add(payment.instructions());
        }
        if (payment.link() != null) {
            lines.add("Pay online: " + payment.link());
        }
        return lines;
    }

    OutgoingEmail emailFor(Invoice invoice, String senderName, String senderEmail) {
        String subject =
                "Invoice " + invoice.number() + " from " + invoice.seller().name();
        String text = """
                Hello %s,

                Please find attached invoice %s for your licence "%s" (%s).

                Total due: %s, by %s.
                %s
                Thank you,
                %s
                """.formatted(
                        invoice.buyer().name(),
                        invoice.number(),
                        invoice.line().licenceName(),
                        invoice.line().termLabel(),
                        invoice.totals().total().formatted(),
                        DATE.format(invoice.dueOn()),
                        howToPay(invoice).isEmpty() ? "" : "\n" + String.join("\n", howToPay(invoice)) + "\n",
                        invoice.seller().name());
        String html = """
                <p>Hello %s,</p>
                <p>Please find attached invoice <strong>%s</strong> for your licence &ldquo;%s&rdquo; (%s).</p>
                <p>Total due: <strong>%s</strong>, by %s.</p>
                %s<p>Thank you,<br>%s</p>
                """.formatted(
                        Html.escape(invoice.buyer().name()),
                        Html.escape(invoice.number()),
                        Html.escape(invoice.line().licenceName()),
                        Html.escape(invoice.line().termLabel()),
                        Html.escape(invoice.totals().total().formatted()),
                        DATE.format(invoice.dueOn()),
                        howToPay(invoice).isEmpty()
                                ? ""
                                : "<p>"
                                        + String.join(
                                                "<br>",
                                                howToPay(invoice).stream()
                                                        .map(Html::escape)
                                                        .toList()) + "</p>\n",
                        Html.escape(invoice.seller().name()));
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
                InvoicePdf.fileName(invoice),
                pdf.render(invoice));
    }
}
