package io.licencedesk.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed sign-ins in a row per key (an e-mail and an address), in the database so that every node sees them. */
@Repository
class FailureStreaks {

    /** A streak is forgotten this long after its last failure: yesterday's typos do not slow today's sign-in. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    record Streak(int failures, Instant lastFailedAt) {}

    private final JdbcClient jdbc;

    FailureStreaks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Streak> find(String key, Instant now) {
        return jdbc.sql("""
                        select failures, last_failed_at from sign_in_failure
                        where limit_key = :key and last_failed_at > :forgottenBefore
                        """)
                .param("key", key)
                .param("forgottenBefore", Timestamp.from(now.minus(FORGOTTEN_AFTER)))
                .query((rs, row) -> new Streak(
                        rs.getInt("failures"), rs.getTimestamp("last_failed_at").toInstant()))
                .optional();
    }

    void failed(String key, Instant now) {
        // A second round covers a row that another request inserted between this one's update and insert.
        for (int round = 0; round < 2; round++) {
            if (lengthen(key, now) || start(key, now)) {
                return;
            }
        }
    }

    void forgetOld(Instant now) {
        jdbc.sql("delete from sign_in_failure where last_failed_at <= :forgottenBefore")
                .param("forgottenBefore", Timestamp.from(now.minus(FORGOTTEN_AFTER)))
                .update();
    }

    private boolean lengthen(String key, Instant now) {
        return jdbc.sql("""
                        update sign_in_failure
                        set failures = case when last_failed_at <= :forgottenBefore then 1 else failures + 1 end,
                            last_failed_at = :now
                        where limit_key = :key
                        """)
                        .param("key", key)
                        .param("now", Timestamp.from(now))
                        .param("forgottenBefore", Timestamp.from(now.minus(FORGOTTEN_AFTER)))
                        .update()
                == 1;
    }

    private boolean start(String key, Instant now) {
        return jdbc.sql("""
                        insert into sign_in_failure (limit_key, failures, last_failed_at) values (:key, 1, :now)
                        on conflict do nothing
                        """).param("key", key).param("now", Timestamp.from(now)).update() == 1;
    }
}
