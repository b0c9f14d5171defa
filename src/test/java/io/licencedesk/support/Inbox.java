package io.licencedesk.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GreenMail SMTP server on a free port of its own (so that test classes running at the same time do not
 * collide), and reading the set-password link out of the e-mails it received.
 */
public final class Inbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/password/set\\?token=[A-Za-z0-9_-]+");

    private Inbox() {}

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    public static GreenMailExtension smtpOn(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** The newest e-mail to this address, waiting for the dispatcher to send it. */
    public static MimeMessage latestTo(GreenMailExtension smtp, String recipient, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(smtp, recipient).length >= atLeast);
        MimeMessage[] messages = messagesTo(smtp, recipient);
        return messages[messages.length - 1];
    }

    /** The path and query of the set-password link in a message, to open on the server under test. */
    public static String linkPath(MimeMessage message) throws Exception {
        Matcher match = LINK.matcher(plainText(message));
        if (!match.find()) {
            throw new AssertionError("No set-password link in: " + plainText(message));
        }
        URI link = URI.create(match.group());
        return link.getRawPath() + "?" + link.getRawQuery();
    }

    public static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static MimeMessage[] messagesTo(GreenMailExtension smtp, String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                    } catch (Exception unreadable) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }
}
