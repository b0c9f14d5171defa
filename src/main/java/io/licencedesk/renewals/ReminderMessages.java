package io.licencedesk.renewals;

import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.mail.OutgoingEmail;
import io.licencedesk.shared.Html;
import io.licencedesk.shared.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
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

    private final String portal;
    private final MessageSource messages;
    private final UserLanguages languages;

    ReminderMessages(
            @Value("${licencedesk.base-url}") String baseUrl, MessageSource messages, UserLanguages languages) {
        this.portal = baseUrl.replaceAll("/+$", "") + "/portal";
        this.messages = messages;
        this.languages = languages;
    }

    /** What a client's notice is about, and the language the client reads (a code, or null: English). */
    record NoticeLicence(
            long organisationId,
            long licenceId,
            String name,
            String couponCode,
            LocalDate endsOn,
            String clientName,
            String clientEmail,
            String clientLanguage) {}

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** "4 December 2026", "4 décembre 2026". */
    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    OutgoingEmail expiringSoon(Organisation seller, NoticeLicence licence) {
        Locale locale = Language.localeOf(licence.clientLanguage());
        String ends = date(licence.endsOn(), locale);
        return licenceNotice(
                seller,
                licence,
                locale,
                text(locale, "reminder.expiringSoon.subject", licence.name(), ends),
                List.of(
                        text(locale, "reminder.expiringSoon.body", licence.name(), licence.couponCode(), ends),
                        text(locale, "reminder.expiringSoon.ask", seller.sellerName()),
                        text(locale, "reminder.seeLicences", portal)));
    }

    OutgoingEmail expired(Organisation seller, NoticeLicence licence) {
        Locale locale = Language.localeOf(licence.clientLanguage());
        String ended = date(licence.endsOn(), locale);
        return licenceNotice(
                seller,
                licence,
                locale,
                text(locale, "reminder.expired.subject", licence.name()),
                List.of(
                        text(locale, "reminder.expired.body", licence.name(), licence.couponCode(), ended),
                        text(locale, "reminder.expired.ask", seller.sellerName()),
                        text(locale, "reminder.seeLicences", portal)));
    }

    OutgoingEmail overdue(Organisation seller, Invoice invoice, String recipient) {
        Locale locale = languages.forClient(invoice.organisationId(), invoice.clientId());
        var line = invoice.line();
        String term = line.termStart() != null && line.termEnd() != null
                ? text(
                        locale,
                        "invoice.term.dates",
                        DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(line.termStart()),
                        DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(line.termEnd()))
                : line.termLabel();
        List<String> paragraphs = List.of(
                text(
                        locale,
                        "reminder.overdue.body",
                        invoice.number(),
                        line.licenceName(),
                        term,
                        invoice.totals().total().formatted(locale),
                        date(invoice.dueOn(), locale)),
                text(locale, "reminder.overdue.ask", seller.sellerName(), portal));
        return email(
                seller,
                INVOICE_REMINDER,
                invoice.id(),
                recipient,
                text(locale, "reminder.overdue.subject", invoice.number()),
                invoice.buyer().name(),
                paragraphs,
                locale);
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
                paragraphs,
                Language.DEFAULT.locale());
    }

    private static String section(String title, List<String> lines) {
        return title + ":\n" + (lines.isEmpty() ? "- none" : "- " + String.join("\n- ", lines));
    }

    private OutgoingEmail licenceNotice(
            Organisation seller, NoticeLicence licence, Locale locale, String subject, List<String> paragraphs) {
        return email(
                seller,
                LICENCE_NOTICE,
                licence.licenceId(),
                licence.clientEmail(),
                subject,
                licence.clientName(),
                paragraphs,
                locale);
    }

    private OutgoingEmail email(
            Organisation seller,
            String subjectType,
            long subjectId,
            String recipient,
            String subject,
            String recipientName,
            List<String> paragraphs,
            Locale locale) {
        String from = seller.senderName() == null ? seller.sellerName() : seller.senderName();
        String hello = text(locale, "account.email.hello", recipientName);
        String text = hello + "\n\n" + String.join("\n\n", paragraphs) + "\n\n" + from + "\n";
        StringBuilder html = new StringBuilder("<p>").append(Html.escape(hello)).append("</p>\n");
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
