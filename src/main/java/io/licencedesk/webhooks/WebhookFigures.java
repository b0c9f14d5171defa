package io.licencedesk.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the webhook deliveries, as {@code OutboxFigures} is for e-mails: how many wait to be
 * sent, since when the oldest one due has waited for the dispatcher, and how many were given up on. Deliveries to a
 * disabled endpoint are not counted as waiting: they wait for its owner, not for any node. One grouped query, cheap
 * enough for every metrics scrape.
 *
 * <p>The age is counted from when a delivery became due (its first attempt, its retry's time, or for one taken by a
 * node that stopped, the end of that node's lease, when the dispatchers may take it again), not from its event; one
 * being sent is not late:
 * a customer's receiver that is down keeps its deliveries waiting for hours of back-off, which no operator can act
 * on, while a delivery due and not taken says that the nodes' dispatchers are stopped or held up (decision 0163).
 */
@Component
public class WebhookFigures {

    /**
     * @param waiting deliveries to enabled endpoints waiting for an attempt (first or retry) or being sent
     * @param failed deliveries given up on after their last attempt, kept in the delivery log until sent again or
     *     forgotten ({@code licencedesk.webhooks.kept})
     * @param oldestDueSince when the longest-waiting delivery that is due now became due, or null when none is
     */
    public record Snapshot(long waiting, long failed, Instant oldestDueSince) {}

    private final JdbcClient jdbc;

    WebhookFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Snapshot read(Instant now) {
        long[] waiting = {0};
        long[] failed = {0};
        Instant[] oldest = {null};
        jdbc.sql("""
                        select d.status, count(*) as deliveries,
                               min(case when d.status = 'PENDING' and d.next_attempt_at <= :now then d.next_attempt_at
                                        when d.status = 'SENDING' and d.leased_until <= :now then d.leased_until
                                        end) as oldest_due
                        from webhook_delivery d
                        join webhook_endpoint e on e.id = d.endpoint_id
                        where d.status = 'FAILED'
                           or (d.status in ('PENDING', 'SENDING') and e.enabled)
                        group by d.status
                        """).param("now", Timestamp.from(now)).query(rs -> {
            long deliveries = rs.getLong("deliveries");
            if ("FAILED".equals(rs.getString("status"))) {
                failed[0] += deliveries;
                return;
            }
            waiting[0] += deliveries;
            Timestamp since = rs.getTimestamp("oldest_due");
            if (since != null && (oldest[0] == null || since.toInstant().isBefore(oldest[0]))) {
                oldest[0] = since.toInstant();
            }
        });
        return new Snapshot(waiting[0], failed[0], oldest[0]);
    }
}
