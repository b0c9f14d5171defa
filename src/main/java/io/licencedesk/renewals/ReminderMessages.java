package io.licencedesk.renewals;

import io.licencedesk.accounts.Organisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.mail.OutgoingEmail;
import io.licencedesk.shared.Html;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The renewal cycle's e-mails: plain, short, naming the licence, its dates and what to do. Each has a text and an
 * HTML body with the same words; every value in the HTML is escaped.
 */
@Component
class ReminderMessages {

    /** Outbox subjects: a licence's notices, an invoice's reminder (not "INVOICE": that is the invoice itself). */
    static final String LICENCE_NOTICE = "LICENCE_NOTICE";

    static final String INVOICE_REMINDER = "INVOICE_REMINDER";

    static final String DIGEST = "DIGEST";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final String portal;

    ReminderMessages(@Value("${licencedesk.base-url}") String baseUrl) {
        this.portal = baseUrl.replaceAll("/+$", "") + "/portal";
    }

    /** What a client's notice is about. */
    record NoticeLicence(
            long organisationId,
            long licenceId,
            String name,
            String couponCode,
            LocalDate endsOn,
            String clientName,
            String clientEmail) {}

    OutgoingEmail expiringSoon(Organisation seller, NoticeLicence licence) {
        return licenceNotice(
                seller,
                licence,
                "Your licence \"" + licence.name() + "\" ends on " + DATE.format(licence.endsOn()),
                List.of(
                        "Your licence \"%s\" (code %s) ends on %s. It does not renew by itself."
                                .formatted(licence.name(), licence.couponCode(), DATE.format(licence.endsOn())),
                        "To keep your screens running after that day, ask %s to renew it."
                                .formatted(seller.sellerName()),
                        "See your licences: " + portal));
    }

    OutgoingEmail expired(Organisation seller, NoticeLicence licence) {
        return licenceNotice(
                seller,
                licence,
                "Your licence \"" + licence.name() + "\" has expired",
                List.of(
                        "Your licence \"%s\" (code %s) ended on %s. Its screens no longer run it."
                                .formatted(licence.name(), licence.couponCode(), DATE.format(licence.endsOn())),
                        "To start again, ask %s to renew it.".formatted(seller.sellerName()),
                        "See your licences: " + portal));
    }

    OutgoingEmail overdue(Organisation seller, Invoice invoice, String recipient) {
        List<String> paragraphs = List.of(
                "Invoice %s for your licence \"%s\" (%s), %s, was due on %s and is not paid yet."
                        .formatted(
                                invoice.number(),
                                invoice.line().licenceName(),
                                invoice.line().termLabel(),
                                invoice.totals().total().formatted(),
                                DATE.format(invoice.dueOn())),
                "Please pay it, or tell %s if you already have. The invoice is in your portal: %s/invoices"
                        .formatted(seller.sellerName(), portal));
        return email(
                seller,
                INVOICE_REMINDER,
                invoice.id(),
                recipient,
                "Reminder: invoice " + invoice.number() + " is overdue",
                invoice.buyer().name(),
                paragraphs);
    }

    /** The weekly digest's lines, already in words. */
    record Digest(List<String> expiring, List<String> overdue, List<String> renewed) {}

    OutgoingEmail digest(Organisation organisation, long userId, String email, String name, Digest digest) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(section("Ending in the next 30 days", digest.expiring()));
        paragraphs.add(section("Overdue invoices", digest.overdue()));
        paragraphs.add(section("Renewed in the last 7 days", digest.renewed()));
        return email(
                organisation,
                DIGEST,
                userId,
                email,
                "Your week at " + organisation.name() + ": " + digest.expiring().size() + " ending, "
                        + digest.overdue().size() + " overdue, "
                        + digest.renewed().size() + " renewed",
                name,
                paragraphs);
    }

    private static String section(String title, List<String> lines) {
        return title + ":\n" + (lines.isEmpty() ? "- none" : "- " + String.join("\n- ", lines));
    }

    private OutgoingEmail licenceNotice(
            Organisation seller, NoticeLicence licence, String subject, List<String> paragraphs) {
        return email(
                seller,
                LICENCE_NOTICE,
                licence.licenceId(),
                licence.clientEmail(),
                subject,
                licence.clientName(),
                paragraphs);
    }

    private static OutgoingEmail email(
            Organisation seller,
            String subjectType,
            long subjectId,
            String recipient,
            String subject,
            String recipientName,
            List<String> paragraphs) {
        String from = seller.senderName() == null ? seller.sellerName() : seller.senderName();
        String text = "Hello " + recipientName + ",\n\n" + String.join("\n\n", paragraphs) + "\n\n" + from + "\n";
        StringBuilder html = new StringBuilder("<p>Hello ")
                .append(Html.escape(recipientName))
                .append(",</p>\n");
        for (String paragraph : paragraphs) {
            html.append("<p>")
                    .append(Html.escape(paragraph).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }
        html.append("<p>").append(Html.escape(from)).append("</p>\n");
        return new OutgoingEmail(
                seller.id(),
                subjectType,
                subjectId,
                from,
                seller.senderEmail(),
                recipient,
                subject,
                text,
                html.toString(),
                null,
                null);
    }
}
