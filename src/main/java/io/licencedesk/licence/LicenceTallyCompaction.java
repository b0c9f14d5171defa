package io.licencedesk.licence;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps licence_tally small (PostgreSQL only; decision 0050): the rows of each key that has a change the triggers
 * wrote since the last run are replaced by one row with their sums, in one statement. Nodes may run it at the same
 * time: of two deletes of one row only one returns it, so no change is counted twice or lost, and the figures read
 * the same sums before and after. Writers never wait for it: they only insert.
 */
@Component
class LicenceTallyCompaction {

    /** A key's dates may be null (a licence nobody used); the placeholder lets the keys be compared. */
    private static final String KEY = "organisation_id, term, coalesce(activated_on, date '0001-01-01'),"
            + " coalesce(ends_on, date '0001-01-01'), paused, assigned";

    private static final String COMPACT = """
            with gone as (
                delete from licence_tally
                where (%s) in (select %s from licence_tally where pending)
                returning organisation_id, term, activated_on, ends_on, paused, assigned, licences, screens, amount_minor)
            insert into licence_tally (organisation_id, term, activated_on, ends_on, paused, assigned, licences, screens,
                                       amount_minor, pending)
            select organisation_id, term, activated_on, ends_on, paused, assigned, sum(licences), sum(screens),
                   sum(amount_minor), false
            from gone
            group by organisation_id, term, activated_on, ends_on, paused, assigned
            having sum(licences) <> 0 or sum(screens) <> 0 or sum(amount_minor) <> 0
            """.formatted(KEY, KEY);

    private final JdbcClient jdbc;
    private final boolean postgres;

    LicenceTallyCompaction(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    @Scheduled(
            fixedDelayString = "${licencedesk.dashboard.tally-compaction:PT1M}",
            initialDelayString = "${licencedesk.dashboard.tally-compaction:PT1M}")
    void compact() {
        if (postgres) {
            jdbc.sql(COMPACT).update();
        }
    }
}
