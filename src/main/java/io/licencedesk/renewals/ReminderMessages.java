package io.licencedesk.renewals;

import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.mail.OutgoingEmail;
import io.licencedesk.renewals.DigestLines.Line;
import io.licencedesk.shared.Html;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.PublicBaseUrl;
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
        this.portal = PublicBaseUrl.parse(baseUrl) + "/portal";
        this.messages = messages;
        this.languages = languages;
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /**
     * The client's own language, else the organisation's (decision 0172), as for the overdue reminder and the
     * invoices: a French organisation's client who chose none reads French.
     */
    private static Locale readersLocale(Organisation seller, NoticeLicence licence) {
        return Language.ofCode(licence.clientLanguage())
                .orElse(seller.language() == null ? Language.DEFAULT : seller.language())
                .locale();
    }

    /** "4 December 2026", "4 décembre 2026". */
    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    /** The licence's own page in the portal (PortalLicenceController's address), where its client acts on it. */
    private String licencePage(NoticeLicence licence) {
        return portal + "/licences/" + licence.licenceId();
    }

    OutgoingEmail expiringSoon(Organisation seller, NoticeLicence licence) {
        Locale locale = readersLocale(seller, licence);
        String ends = date(licence.endsOn(), locale);
        return licenceNotice(
                seller,
                licence,
                locale,
                text(locale, "reminder.expiringSoon.subject", licence.name(), ends),
                List.of(
                        text(locale, "reminder.expiringSoon.body", licence.name(), licence.couponCode(), ends),
                        text(locale, "reminder.expiringSoon.ask", seller.sellerName()),
                        text(locale, "reminder.seeLicence", licencePage(licence))));
    }

    OutgoingEmail expired(Organisation seller, NoticeLicence licence) {
        Locale locale = readersLocale(seller, licence);
        String ended = date(licence.endsOn(), locale);
        return licenceNotice(
                seller,
                licence,
                locale,
                text(locale, "reminder.expired.subject", licence.name()),
                List.of(
                        text(locale, "reminder.expired.body", licence.name(), licence.couponCode(), ended),
                        text(locale, "reminder.expired.ask", seller.sellerName()),
                        text(locale, "reminder.seeLicence", licencePage(licence))));
    }

    OutgoingEmail overdue(Organisation seller, Invoice invoice, String recipient) {
        Locale locale = languages.forClient(invoice.organisationId(), invoice.clientId());
        var line = invoice.line();
        String term = line.term(locale);
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

    /**
     * The weekly digest's lines, put in words for each member of staff in their language: licences ending from today
     * to {@code endingBy}, overdue invoices, and licences renewed from {@code renewedSince} to {@code today}, every
     * day of each window included (the headings say so with their dates).
     */
    record Digest(
            DigestLines expiring,
            DigestLines overdue,
            DigestLines renewed,
            LocalDate endingBy,
            LocalDate renewedSince,
            LocalDate today) {

        /** Nothing ending, nothing overdue, nothing renewed: a digest of zeros, which is not sent. */
        boolean saysNothing() {
            return expiring.total() == 0 && overdue.total() == 0 && renewed.total() == 0;
        }
    }

    /**
     * A member of staff's language for what is sent to them: their choice, else their organisation's (decisions 0172
     * and 0174), as for everyone else's e-mails. The digest was English for whoever had chosen nothing.
     */
    static Locale staffLocale(Organisation organisation, String choice) {
        return Language.ofCode(choice)
                .orElse(organisation.language() == null ? Language.DEFAULT : organisation.language())
                .locale();
    }

    /** The digest in the staff member's language ({@link #staffLocale}). */
    OutgoingEmail digest(
            Organisation organisation, long userId, String email, String name, Locale locale, Digest digest) {
        List<String> paragraphs = List.of(
                section(locale, digest.expiring(), "digest.section.ending", digest.endingBy()),
                section(locale, digest.overdue(), "digest.section.overdue"),
                section(locale, digest.renewed(), "digest.section.renewed", digest.renewedSince(), digest.today()));
        String subject = text(
                locale,
                "digest.subject",
                organisation.name(),
                digest.expiring().total(),
                digest.overdue().total(),
                digest.renewed().total());
        return email(organisation, DIGEST, userId, email, subject, name, paragraphs, locale);
    }

    private String section(Locale locale, DigestLines lines, String title, Object... titleArguments) {
        List<String> said = new ArrayList<>();
        for (Line line : lines.shown()) {
            said.add(text(locale, line.key(), inWords(line.arguments(), locale)));
        }
        if (lines.total() > said.size()) {
            said.add(text(locale, "digest.more", lines.total() - said.size()));
        }
        if (said.isEmpty()) {
            said.add(text(locale, "digest.none"));
        }
        return text(locale, title, inWords(List.of(titleArguments), locale)) + "\n- " + String.join("\n- ", said);
    }

    /** Dates and amounts written for the reader, a missing value as a dash; the rest as they are. */
    private static Object[] inWords(List<Object> arguments, Locale locale) {
        Object[] said = arguments.toArray();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof LocalDate day) {
                said[i] = DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(day);
            } else if (said[i] instanceof Money money) {
                said[i] = money.formatted(locale);
            } else if (said[i] == null) {
                said[i] = "—"; // a licence's client e-mail, when it has no client any more
            }
        }
        return said;
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
