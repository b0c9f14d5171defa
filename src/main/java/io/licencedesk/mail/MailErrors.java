package io.licencedesk.mail;

import io.licencedesk.shared.Reason;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with sending an e-mail, as a reason a page words in its reader's language (decision 0127, as
 * decision 0122 does for webhooks). The dispatcher stores the error as the exception's class and message, in English
 * (the server's log says the same): the Outbox page showed it as such on French pages. The kinds an owner can act on
 * are recognised by the exception's class; the stored text stays on the message's page as the technical detail for
 * whoever runs the mail server. Anything else has no reason and is shown as stored.
 */
final class MailErrors {

    /**
     * By the stored text's first word, the exception's simple name; the more specific names first. Each reason is
     * written out whole, so that ReasonsInWordsTests finds it in the sources.
     */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("MailConnectException", "reason.mail.delivery.noConnection"),
            Map.entry("ConnectException", "reason.mail.delivery.noConnection"),
            Map.entry("UnknownHostException", "reason.mail.delivery.noConnection"),
            Map.entry("NoRouteToHostException", "reason.mail.delivery.noConnection"),
            Map.entry("SocketTimeoutException", "reason.mail.delivery.timeout"),
            Map.entry("AuthenticationFailedException", "reason.mail.delivery.authentication"),
            Map.entry("SMTPAddressFailedException", "reason.mail.delivery.recipient"),
            Map.entry("SendFailedException: Invalid Addresses", "reason.mail.delivery.recipient"),
            Map.entry("SMTPSendFailedException", "reason.mail.delivery.refused"),
            Map.entry("SSLHandshakeException", "reason.mail.delivery.secureConnection"),
            Map.entry("SSLException", "reason.mail.delivery.secureConnection"));

    private MailErrors() {}

    /** The reason of a stored error, or null when it is not one of the kinds worded. */
    static Reason reasonOf(String error) {
        if (error == null) {
            return null;
        }
        for (Map.Entry<String, String> kind : KINDS) {
            if (error.startsWith(kind.getKey())
                    && (error.length() == kind.getKey().length()
                            || !Character.isLetterOrDigit(
                                    error.charAt(kind.getKey().length())))) {
                return Reason.of(kind.getValue());
            }
        }
        return null;
    }
}
