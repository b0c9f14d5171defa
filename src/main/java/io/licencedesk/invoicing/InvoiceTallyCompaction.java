package io.licencedesk.invoicing;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps invoice_tally small (PostgreSQL only; decision 0050), as LicenceTallyCompaction keeps licence_tally: the rows of
 * each organisation, measure and day with a change since the last run become one row with their sums, in one
 * statement that nodes may run at the same time.
 */
@Component
class InvoiceTallyCompaction {

    private static final String COMPACT = """
            with gone as (
                delete from invoice_tally
                where (organisation_id, measure, on_day) in
                      (select organisation_id, measure, on_day from invoice_tally where pending)
                returning organisation_id, measure, on_day, invoices, total_minor)
            insert into invoice_tally (organisation_id, measure, on_day, invoices, total_minor, pending)
            select organisation_id, measure, on_day, sum(invoices), sum(total_minor), false
            from gone
            group by organisation_id, measure, on_day
            having sum(invoices) <> 0 or sum(total_minor) <> 0
            """;

    private final JdbcClient jdbc;
    private final boolean postgres;

    InvoiceTallyCompaction(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
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
