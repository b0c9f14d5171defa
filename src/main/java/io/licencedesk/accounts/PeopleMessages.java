package io.licencedesk.accounts;

import io.licencedesk.accounts.AccountMessages.Recipient;
import io.licencedesk.shared.Html;
import io.licencedesk.shared.ShownTimes;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of people management, worded in messages.properties (keys people.mail.*): a member of staff's
 * invitation, and the password link staff send a client. Like every account e-mail they carry a single-use link, and
 * they are written in the recipient's language (decisions 0053 and 0062), whoever sends them.
 */
@Component
class PeopleMessages {

    private final MessageSource messages;

    PeopleMessages(MessageSource messages) {
        this.messages = messages;
    }

    AccountEmail staffInvitation(
            Locale locale, Organisation organisation, Recipient to, Role role, String link, Instant expiresAt) {
        String roleName = text(locale, "people.mail.role." + role.name());
        return email(locale, organisation, to, "people.mail.invitation", link, expiresAt, roleName);
    }

    AccountEmail resetFromStaff(
            Locale locale, Organisation organisation, Recipient to, String link, Instant expiresAt) {
        return email(locale, organisation, to, "people.mail.reset", link, expiresAt, "");
    }

    private AccountEmail email(
            Locale locale,
            Organisation organisation,
            Recipient to,
            String kind,
            String link,
            Instant expiresAt,
            String role) {
        String seller = organisation.sellerName();
        // As pages write a moment, naming its zone, in the recipient's language (decision 0093).
        String expiry = ShownTimes.minute(expiresAt, locale);
        String subject = text(locale, kind + ".subject", seller);
        String hello = text(locale, "people.mail.hello", to.name());
        String body = text(locale, kind + ".body", seller, role);
        String open = text(locale, kind + ".open");
        String validity = text(locale, "people.mail.validity", expiry);
        String regards = text(locale, "people.mail.regards");
        String plain = String.join("\n", hello, "", body, "", open, "", link, "", validity, "", regards, seller, "");
        String html = "<p>" + Html.escape(hello) + "</p>\n<p>" + Html.escape(body) + "</p>\n<p><a href=\""
                + Html.escape(link) + "\">" + Html.escape(text(locale, kind + ".button")) + "</a></p>\n<p>"
                + Html.escape(validity) + "</p>\n<p>" + Html.escape(regards) + "<br>" + Html.escape(seller)
                + "</p>\n";
        return new AccountEmail(
                organisation.id(),
                to.userId(),
                organisation.senderName() == null ? seller : organisation.senderName(),
                organisation.senderEmail(),
                to.email(),
                subject,
                plain,
                html);
    }

    private String text(Locale locale, String code, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
