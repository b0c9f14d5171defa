package io.licencedesk.mail;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the outbox: how many messages wait to be sent, since when the oldest has waited, and how
 * many were given up on. One grouped query over the status index, cheap enough for every metrics scrape.
 */
@Component
public class OutboxFigures {

    /**
     * @param pending messages waiting to be sent or being sent (PENDING and SENDING)
     * @param failed messages given up on after their last attempt, until a person retries them
     * @param oldestPendingSince when the oldest waiting message was queued, or null when none waits
     */
    public record Snapshot(long pending, long failed, Instant oldestPendingSince) {}

    private final JdbcClient jdbc;

    OutboxFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Snapshot read() {
        long[] pending = {0};
        long[] failed = {0};
        Instant[] oldest = {null};
        jdbc.sql("""
                        select status, count(*) as messages, min(created_at) as oldest
                        from outbound_email
                        where status in ('PENDING', 'SENDING', 'FAILED')
                        group by status
                        """).query(rs -> {
            long messages = rs.getLong("messages");
            if ("FAILED".equals(rs.getString("status"))) {
                failed[0] += messages;
                return;
            }
            pending[0] += messages;
            Timestamp since = rs.getTimestamp("oldest");
            if (since != null && (oldest[0] == null || since.toInstant().isBefore(oldest[0]))) {
                oldest[0] = since.toInstant();
            }
        });
        return new Snapshot(pending[0], failed[0], oldest[0]);
    }
}
