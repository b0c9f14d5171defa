package io.licencedesk.invoicing;

import io.licencedesk.mail.OutgoingEmail;
import io.licencedesk.shared.Html;
import java.time.format.DateTimeFormatter;
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

    OutgoingEmail emailFor(Invoice invoice, String senderName, String senderEmail) {
        String subject =
                "Invoice " + invoice.number() + " from " + invoice.seller().name();
        String text = """
                Hello %s,

                Please find attached invoice %s for your licence "%s" (%s).

                Total due: %s, by %s.

                Thank you,
                %s
                """.formatted(
                        invoice.buyer().name(),
                        invoice.number(),
                        invoice.line().licenceName(),
                        invoice.line().termLabel(),
                        invoice.totals().total().formatted(),
                        DATE.format(invoice.dueOn()),
                        invoice.seller().name());
        String html = """
                <p>Hello %s,</p>
                <p>Please find attached invoice <strong>%s</strong> for your licence &ldquo;%s&rdquo; (%s).</p>
                <p>Total due: <strong>%s</strong>, by %s.</p>
                <p>Thank you,<br>%s</p>
                """.formatted(
                        Html.escape(invoice.buyer().name()),
                        Html.escape(invoice.number()),
                        Html.escape(invoice.line().licenceName()),
                        Html.escape(invoice.line().termLabel()),
                        Html.escape(invoice.totals().total().formatted()),
                        DATE.format(invoice.dueOn()),
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
