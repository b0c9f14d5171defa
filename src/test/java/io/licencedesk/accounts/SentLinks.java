package io.licencedesk.accounts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the set-password link of the newest account e-mail to an address straight from the outbox,
 * for tests that run without the dispatcher (which would wipe it once sent).
 */
@Component
public class SentLinks {

    public static final Pattern LINK = Pattern.compile("(https?://\\S+/password/set\\?token=([A-Za-z0-9_-]+))");

    private final JdbcClient jdbc;

    SentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public Optional<String> latestText(String recipient) {
        return jdbc.sql("""
                        select text_body from outbound_email
                        where recipient = :recipient and subject_type = 'ACCOUNT'
                        order by id desc fetch first 1 rows only
                        """).param("recipient", recipient).query(String.class).optional();
    }

    public long countTo(String recipient) {
        return jdbc.sql("select count(*) from outbound_email where recipient = :recipient")
                .param("recipient", recipient)
                .query(Long.class)
                .single();
    }
}
