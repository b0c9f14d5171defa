package io.licencedesk.accounts;

import io.licencedesk.shared.Html;
import io.licencedesk.shared.ShownTimes;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The wording of account e-mails: plain, short, in the recipient's language (decision 0053: their profile's choice,
 * British English without one), with the link on a line of its own. The words are in messages.properties.
 */
final class AccountMessages {

    private AccountMessages() {}

    static AccountEmail invitation(
            MessageSource messages,
            Locale locale,
            Organisation organisation,
            Recipient to,
            String link,
            Instant expiresAt) {
        Words words = new Words(messages, locale);
        String seller = organisation.sellerName();
        String expiry = words.expiry(expiresAt);
        String subject = words.of("account.invitation.subject", seller);
        String text = words.of("account.email.hello", to.name()) + "\n\n"
                + words.of("account.invitation.opened", seller) + "\n\n"
                + words.of("account.invitation.openLink") + "\n\n"
                + link + "\n\n"
                + words.of("account.invitation.expires", expiry) + "\n\n"
                + words.of("account.email.regards") + "\n" + seller + "\n";
        String html = "<p>" + Html.escape(words.of("account.email.hello", to.name())) + "</p>\n"
                + "<p>" + Html.escape(words.of("account.invitation.opened", seller)) + "</p>\n"
                + "<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(words.of("account.invitation.link"))
                + "</a></p>\n"
                + "<p>" + Html.escape(words.of("account.invitation.expires", expiry)) + "</p>\n"
                + "<p>" + Html.escape(words.of("account.email.regards")) + "<br>" + Html.escape(seller) + "</p>\n";
        return email(organisation, to, subject, text, html);
    }

    static AccountEmail reset(
            MessageSource messages,
            Locale locale,
            Organisation organisation,
            Recipient to,
            String link,
            Instant expiresAt) {
        Words words = new Words(messages, locale);
        String seller = organisation.sellerName();
        String expiry = words.expiry(expiresAt);
        String subject = words.of("account.reset.subject");
        String text = words.of("account.email.hello", to.name()) + "\n\n"
                + words.of("account.reset.asked") + "\n\n"
                + words.of("account.reset.openLink") + "\n\n"
                + link + "\n\n"
                + words.of("account.reset.expires", expiry) + "\n\n"
                + words.of("account.email.regards") + "\n" + seller + "\n";
        String html = "<p>" + Html.escape(words.of("account.email.hello", to.name())) + "</p>\n"
                + "<p>" + Html.escape(words.of("account.reset.asked")) + "</p>\n"
                + "<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(words.of("account.reset.link"))
                + "</a></p>\n"
                + "<p>" + Html.escape(words.of("account.reset.expires", expiry)) + "</p>\n"
                + "<p>" + Html.escape(words.of("account.email.regards")) + "<br>" + Html.escape(seller) + "</p>\n";
        return email(organisation, to, subject, text, html);
    }

    /**
     * The answer to "Forgot your password?" for someone who has no password yet (invited, and never chose one): choose
     * one, not reset it.
     */
    static AccountEmail firstPassword(
            MessageSource messages,
            Locale locale,
            Organisation organisation,
            Recipient to,
            String link,
            Instant expiresAt) {
        Words words = new Words(messages, locale);
        String seller = organisation.sellerName();
        String expiry = words.expiry(expiresAt);
        String subject = words.of("account.firstPassword.subject");
        String text = words.of("account.email.hello", to.name()) + "\n\n"
                + words.of("account.firstPassword.asked", seller) + "\n\n"
                + words.of("account.invitation.openLink") + "\n\n"
                + link + "\n\n"
                + words.of("account.firstPassword.expires", expiry) + "\n\n"
                + words.of("account.email.regards") + "\n" + seller + "\n";
        String html = "<p>" + Html.escape(words.of("account.email.hello", to.name())) + "</p>\n"
                + "<p>" + Html.escape(words.of("account.firstPassword.asked", seller)) + "</p>\n"
                + "<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(words.of("account.invitation.link"))
                + "</a></p>\n"
                + "<p>" + Html.escape(words.of("account.firstPassword.expires", expiry)) + "</p>\n"
                + "<p>" + Html.escape(words.of("account.email.regards")) + "<br>" + Html.escape(seller) + "</p>\n";
        return email(organisation, to, subject, text, html);
    }

    private record Words(MessageSource messages, Locale locale) {

        String of(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }

        /** "4 Dec 2026, 14:05 UTC", "4 déc. 2026, 14:05 UTC": as pages write a moment (decision 0093). */
        String expiry(Instant at) {
            return ShownTimes.minute(at, locale);
        }
    }

    private static AccountEmail email(
            Organisation organisation, Recipient to, String subject, String text, String html) {
        return new AccountEmail(
                organisation.id(),
                to.userId(),
                organisation.senderName() == null ? organisation.sellerName() : organisation.senderName(),
                organisation.senderEmail(),
                to.email(),
                subject,
                text,
                html);
    }

    record Recipient(long userId, String name, String email) {}
}
