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
        return linkEmail(
                organisation,
                to,
                words,
                words.of("account.invitation.subject", seller),
                words.of("account.invitation.opened", seller),
                words.of("account.invitation.openLink"),
                words.of("account.invitation.link"),
                words.of("account.invitation.expires", words.expiry(expiresAt)),
                link);
    }

    static AccountEmail reset(
            MessageSource messages,
            Locale locale,
            Organisation organisation,
            Recipient to,
            String link,
            Instant expiresAt) {
        Words words = new Words(messages, locale);
        return linkEmail(
                organisation,
                to,
                words,
                words.of("account.reset.subject"),
                words.of("account.reset.asked"),
                words.of("account.reset.openLink"),
                words.of("account.reset.link"),
                words.of("account.reset.expires", words.expiry(expiresAt)),
                link);
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
        return linkEmail(
                organisation,
                to,
                words,
                words.of("account.firstPassword.subject"),
                words.of("account.firstPassword.asked", organisation.sellerName()),
                words.of("account.invitation.openLink"),
                words.of("account.invitation.link"),
                words.of("account.firstPassword.expires", words.expiry(expiresAt)),
                link);
    }

    /**
     * Every account e-mail's shape: hello, why it came, what the link does, the link (on a line of its own in the
     * text), when it expires, and the seller's name under the regards; the HTML part says the same, escaped.
     */
    private static AccountEmail linkEmail(
            Organisation organisation,
            Recipient to,
            Words words,
            String subject,
            String why,
            String openLink,
            String linkLabel,
            String expires,
            String link) {
        String seller = organisation.sellerName();
        String hello = words.of("account.email.hello", to.name());
        String regards = words.of("account.email.regards");
        String text = hello + "\n\n" + why + "\n\n" + openLink + "\n\n" + link + "\n\n" + expires + "\n\n" + regards
                + "\n" + seller + "\n";
        String html = "<p>" + Html.escape(hello) + "</p>\n"
                + "<p>" + Html.escape(why) + "</p>\n"
                + "<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(linkLabel) + "</a></p>\n"
                + "<p>" + Html.escape(expires) + "</p>\n"
                + "<p>" + Html.escape(regards) + "<br>" + Html.escape(seller) + "</p>\n";
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
