package io.licencedesk.devices;

import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Counts the screens of an organisation's active licences through screen_organisation_idx. Active mirrors
 * LicenceState#statusOf (not expired, not paused, activated), as the licence list's status filter does. On PostgreSQL
 * each screen carries a copy of its licence's state, which triggers keep (V23); on H2 the licence is looked up, reading
 * the licence module's licence table read-only as DeviceQueries does.
 */
@Component
class ScreenFigureQueries {

    private static final String ON_POSTGRES = """
            select count(*) as registered,
                   coalesce(sum(case when s.last_check_in_at >= :seenSince then 1 else 0 end), 0) as seen
            from screen s
            where s.organisation_id = :organisationId and s.removed_at is null
              and not s.licence_paused and s.licence_activated_on is not null and s.licence_ends_on >= :today
            """;

    private static final String ON_H2 = """
            select count(*) as registered,
                   coalesce(sum(case when s.last_check_in_at >= :seenSince then 1 else 0 end), 0) as seen
            from screen s
            join licence l on l.id = s.licence_id
            where s.organisation_id = :organisationId and s.removed_at is null
              and not l.paused and l.activated_on is not null and l.ends_on >= :today
            """;

    private final JdbcClient jdbc;
    private final boolean postgres;

    ScreenFigureQueries(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    long[] registeredAndSeen(long organisationId, LocalDate today, Instant seenSince) {
        return jdbc.sql(postgres ? ON_POSTGRES : ON_H2)
                .param("organisationId", organisationId)
                .param("today", Date.valueOf(today))
                .param("seenSince", Timestamp.from(seenSince))
                .query((rs, n) -> new long[] {rs.getLong("registered"), rs.getLong("seen")})
                .single();
    }
}
