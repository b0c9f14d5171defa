package io.licencedesk.accounts;

import io.licencedesk.shared.Html;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The wording of account e-mails: plain, short, British English, with the link on a line of its own. */
final class AccountMessages {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private AccountMessages() {}

    static AccountEmail invitation(Organisation organisation, Recipient to, String link, Instant expiresAt) {
        String subject = "Your LicenceDesk account with " + organisation.sellerName();
        String text = """
                Hello %s,

                %s has opened an account for you in LicenceDesk, where you can see your licences, \
                screens and invoices.

                To choose your password, open this link:

                %s

                The link works once and expires on %s. If it has expired, ask for a new one on the \
                sign-in page ("Forgot your password?") or from your account manager.

                Kind regards,
                %s
                """.formatted(
                to.name(), organisation.sellerName(), link, EXPIRY.format(expiresAt), organisation.sellerName());
        String html = """
                <p>Hello %s,</p>
                <p>%s has opened an account for you in LicenceDesk, where you can see your licences, screens and invoices.</p>
                <p><a href="%s">Choose your password</a></p>
                <p>The link works once and expires on %s. If it has expired, ask for a new one on the sign-in page
                (&ldquo;Forgot your password?&rdquo;) or from your account manager.</p>
                <p>Kind regards,<br>%s</p>
                """.formatted(
                        Html.escape(to.name()),
                        Html.escape(organisation.sellerName()),
                        Html.escape(link),
                        EXPIRY.format(expiresAt),
                        Html.escape(organisation.sellerName()));
        return email(organisation, to, subject, text, html);
    }

    static AccountEmail reset(Organisation organisation, Recipient to, String link, Instant expiresAt) {
        String subject = "Reset your LicenceDesk password";
        String text = """
                Hello %s,

                Someone, probably you, asked to reset the password of your LicenceDesk account.

                To choose a new password, open this link:

                %s

                The link works once and expires on %s. If you did not ask for it, ignore this e-mail: \
                your password stays as it is.

                Kind regards,
                %s
                """.formatted(to.name(), link, EXPIRY.format(expiresAt), organisation.sellerName());
        String html = """
                <p>Hello %s,</p>
                <p>Someone, probably you, asked to reset the password of your LicenceDesk account.</p>
                <p><a href="%s">Choose a new password</a></p>
                <p>The link works once and expires on %s. If you did not ask for it, ignore this e-mail:
                your password stays as it is.</p>
                <p>Kind regards,<br>%s</p>
                """.formatted(
                        Html.escape(to.name()),
                        Html.escape(link),
                        EXPIRY.format(expiresAt),
                        Html.escape(organisation.sellerName()));
        return email(organisation, to, subject, text, html);
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
