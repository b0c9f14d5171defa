package io.licencedesk.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-password link of the newest account e-mail to an address, as it was queued (the dispatcher wipes it from
 * the outbox once the message leaves, decision 0032), and how many e-mails the outbox holds for an address.
 */
@Component
public class SentLinks {

    public static final Pattern LINK = Pattern.compile("(https?://\\S+/password/set\\?token=([A-Za-z0-9_-]+))");

    private final JdbcClient jdbc;
    private final QueuedAccountEmails queued;
    private final ResetRequests resetRequests;

    SentLinks(JdbcClient jdbc, QueuedAccountEmails queued, ResetRequests resetRequests) {
        this.jdbc = jdbc;
        this.queued = queued;
        this.resetRequests = resetRequests;
    }

    /**
     * Waits for the resets asked for on "Forgot your password?", which are made after the page answered (decision
     * 0159): every read of the e-mails below waits first, so that it sees them.
     */
    public void awaitResetsAsked() {
        if (!resetRequests.awaitAsked(Duration.ofSeconds(30))) {
            throw new AssertionError("The resets asked for were not made within 30 s");
        }
    }

    /** The whole link, as the e-mail shows it. */
    public Optional<String> latestTo(String recipient) {
        return latestText(recipient).map(LINK::matcher).filter(Matcher::find).map(match -> match.group(1));
    }

    /** Only the token of that link. */
    public String tokenTo(String recipient) {
        Matcher match = LINK.matcher(latestText(recipient).orElseThrow());
        if (!match.find()) {
            throw new AssertionError("No link in the e-mail to " + recipient);
        }
        return match.group(2);
    }

    /** The text of the newest account e-mail to this address whose transaction committed (QueuedAccountEmails). */
    public Optional<String> latestText(String recipient) {
        awaitResetsAsked();
        return queued.newestTo(recipient);
    }

    public long countTo(String recipient) {
        awaitResetsAsked();
        return jdbc.sql("select count(*) from outbound_email where recipient = :recipient")
                .param("recipient", recipient)
                .query(Long.class)
                .single();
    }
}
