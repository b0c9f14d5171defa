package io.licencedesk.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Attempts per key (a client, an address, an e-mail) in a window, refilled evenly, counted in the database
 * so that all nodes share one count (docs/decisions/0030). An attempt costs one or two SQL statements; keep
 * it off hot paths.
 */
@Component
public class AttemptLimits {

    /** A limit: so many attempts in a window, one given back every window / attempts. */
    public record Limit(String name, int attempts, Duration window) {

        public Limit {
            if (name.length() > 50 || attempts < 1 || window.toMillis() < attempts) {
                throw new IllegalArgumentException("A limit needs a short name and at least one attempt a millisecond");
            }
        }

        long interval() {
            return window.toMillis() / attempts;
        }

        /** How far ahead of now ready_at may run: the whole allowance used. */
        long burst() {
            return interval() * attempts;
        }
    }

    /** Each node tries to clean up on its own schedule; this lets one of them do it per period. */
    private static final Limit CLEAN_UP = new Limit("clean-up", 1, Duration.ofMinutes(5));

    private final JdbcClient jdbc;
    private final Clock clock;

    public AttemptLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one attempt for this key: empty when it may go ahead, otherwise the seconds to wait (none counted). */
    public OptionalLong take(Limit limit, String key) {
        String row = rowKey(limit, key);
        long now = clock.millis();
        // A second round covers a row that another request inserted between this one's update and insert.
        for (int round = 0; round < 2; round++) {
            if (consume(limit, row, now) || insertFirst(limit, row, now)) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(waitFor(limit, row, now).orElse(1));
    }

    /** The seconds to wait before this key has an attempt left (empty when it has one), counting none. */
    public OptionalLong waitFor(Limit limit, String key) {
        return waitFor(limit, rowKey(limit, key), clock.millis());
    }

    /**
     * Whether this node should run a job that any one node may run for all (a clean-up): true for one caller
     * per period, across nodes.
     */
    public boolean once(String job, Duration period) {
        return take(new Limit(CLEAN_UP.name(), 1, period), job).isEmpty();
    }

    /** Forgets the rows whose attempts have all been given back: they mean the same as no row. */
    @Scheduled(fixedDelayString = "${licencedesk.limits.clean-up:PT5M}", initialDelayString = "PT1M")
    void cleanUp() {
        if (once("attempt_limit", CLEAN_UP.window())) {
            jdbc.sql("delete from attempt_limit where ready_at < :now")
                    .param("now", clock.millis())
                    .update();
        }
    }

    private boolean consume(Limit limit, String row, long now) {
        return jdbc.sql("""
                        update attempt_limit
                        set ready_at = greatest(ready_at, :now) + :interval
                        where limit_key = :key and greatest(ready_at, :now) + :interval <= :now + :burst
                        """)
                        .param("key", row)
                        .param("now", now)
                        .param("interval", limit.interval())
                        .param("burst", limit.burst())
                        .update()
                == 1;
    }

    private boolean insertFirst(Limit limit, String row, long now) {
        return jdbc.sql("""
                        insert into attempt_limit (limit_key, ready_at) values (:key, :readyAt)
                        on conflict do nothing
                        """)
                        .param("key", row)
                        .param("readyAt", now + limit.interval())
                        .update()
                == 1;
    }

    private OptionalLong waitFor(Limit limit, String row, long now) {
        return jdbc.sql("select ready_at from attempt_limit where limit_key = :key")
                .param("key", row)
                .query(Long.class)
                .optional()
                .map(readyAt -> readyAt + limit.interval() - limit.burst() - now)
                .filter(millis -> millis > 0)
                .map(millis -> OptionalLong.of(seconds(millis)))
                .orElse(OptionalLong.empty());
    }

    /** Whole seconds, rounded up: waiting the number said is always enough. */
    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String rowKey(Limit limit, String key) {
        return limit.name() + ":" + sha256(key);
    }

    /** The hex SHA-256 of a text: stored instead of an e-mail or address, in a fixed length. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
