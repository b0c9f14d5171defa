package io.licencedesk.invoicing;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps invoice_tally and invoice_list_tally small (PostgreSQL only; decisions 0050 and 0154), as LicenceTallyCompaction keeps licence_tally: the rows of
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

    /**
     * The same for the invoice list's tally (V40, decision 0154). Its month paid and due date are null for most
     * invoices, so its groups are matched with {@code is not distinct from}, where {@code in} would never match a null.
     */
    private static final String COMPACT_LIST = """
            with pending_groups as (
                select distinct organisation_id, currency, status, issued_in, paid_in, due_on
                from invoice_list_tally where pending),
            gone as (
                delete from invoice_list_tally t
                using pending_groups g
                where t.organisation_id = g.organisation_id and t.currency = g.currency and t.status = g.status
                  and t.issued_in = g.issued_in and t.paid_in is not distinct from g.paid_in
                  and t.due_on is not distinct from g.due_on
                returning t.organisation_id, t.currency, t.status, t.issued_in, t.paid_in, t.due_on, t.invoices,
                          t.subtotal_minor, t.vat_minor, t.total_minor)
            insert into invoice_list_tally (organisation_id, currency, status, issued_in, paid_in, due_on, invoices,
                                            subtotal_minor, vat_minor, total_minor, pending)
            select organisation_id, currency, status, issued_in, paid_in, due_on, sum(invoices), sum(subtotal_minor),
                   sum(vat_minor), sum(total_minor), false
            from gone
            group by organisation_id, currency, status, issued_in, paid_in, due_on
            having sum(invoices) <> 0 or sum(subtotal_minor) <> 0 or sum(vat_minor) <> 0 or sum(total_minor) <> 0
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
            jdbc.sql(COMPACT_LIST).update();
        }
    }
}
