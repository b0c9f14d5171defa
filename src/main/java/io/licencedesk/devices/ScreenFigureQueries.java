package io.licencedesk.devices;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the screens of an organisation's active licences through screen_organisation_idx and the licence's primary
 * key. It reads the licence module's licence table read-only, as DeviceQueries does: Active mirrors
 * LicenceState#statusOf (not expired, not paused, activated), as the licence list's status filter does.
 */
@Component
class ScreenFigureQueries {

    private final JdbcClient jdbc;

    ScreenFigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long[] registeredAndSeen(long organisationId, LocalDate today, Instant seenSince) {
        return jdbc.sql("""
                        select count(*) as registered,
                               coalesce(sum(case when s.last_check_in_at >= :seenSince then 1 else 0 end), 0) as seen
                        from screen s
                        join licence l on l.id = s.licence_id
                        where s.organisation_id = :organisationId and s.removed_at is null
                          and not l.paused and l.activated_on is not null and l.ends_on >= :today
                        """)
                .param("organisationId", organisationId)
                .param("today", Date.valueOf(today))
                .param("seenSince", Timestamp.from(seenSince))
                .query((rs, n) -> new long[] {rs.getLong("registered"), rs.getLong("seen")})
                .single();
    }
}
