package io.licencedesk.invoicing;

import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The dashboard's invoice figures: totals by measure and day (invoice_tally on PostgreSQL, kept by triggers; the
 * invoice table itself on H2), added up by month, and the overdue total. The measures are those of the invoices
 * page's filters (issued in a month and not void, paid in a month, overdue), so that each figure is the sum of the
 * list it links to.
 */
@Component
class InvoiceFigureQueries {

    /** The tally's rows of one organisation; every row is a change, and the figures are their sums. */
    static final String TALLY = "(select measure, on_day, invoices, total_minor from invoice_tally"
            + " where organisation_id = :organisationId)";

    /** The same columns read from the invoices themselves: an invoice counts for up to two measures. */
    static final String INVOICES = """
            (select 'ISSUED' as measure, issued_on as on_day, 1 as invoices, total_minor from invoice
             where organisation_id = :organisationId and status <> 'VOID'
             union all
             select 'PAID', paid_on, 1, total_minor from invoice
             where organisation_id = :organisationId and status = 'PAID' and paid_on is not null
             union all
             select 'UNPAID', due_on, 1, total_minor from invoice
             where organisation_id = :organisationId and status in ('ISSUED', 'SENT'))""";

    /** A month's totals of one measure. */
    record Sum(long invoices, long totalMinor) {

        static final Sum NONE = new Sum(0, 0);
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    InvoiceFigureQueries(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** From the tally on PostgreSQL, from the invoices on H2 (which has no tally). */
    String source() {
        return postgres ? TALLY : INVOICES;
    }

    /** The ISSUED and PAID totals of each month from {@code from}'s to today's, by measure and month. */
    Map<String, Map<YearMonth, Sum>> monthly(long organisationId, LocalDate from, LocalDate today, String source) {
        Map<String, Map<YearMonth, Sum>> sums = new HashMap<>();
        RowCallbackHandler add = rs -> sums.computeIfAbsent(rs.getString("measure"), measure -> new HashMap<>())
                .put(
                        YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                        new Sum(rs.getLong("invoices"), rs.getLong("total_minor")));
        jdbc.sql("""
                        select m.measure, m.y, m.m, sum(m.invoices) as invoices, sum(m.total_minor) as total_minor
                        from (select t.measure, extract(year from t.on_day) as y, extract(month from t.on_day) as m,
                                     t.invoices, t.total_minor
                              from %s t
                              where t.measure in ('ISSUED', 'PAID') and t.on_day >= :from and t.on_day <= :today) m
                        group by m.measure, m.y, m.m
                        having sum(m.invoices) <> 0 or sum(m.total_minor) <> 0
                        """.formatted(source))
                .param("organisationId", organisationId)
                .param("from", Date.valueOf(from))
                .param("today", Date.valueOf(today))
                .query(add);
        return sums;
    }

    /** The invoices issued or sent whose due date is before today. */
    Sum overdue(long organisationId, LocalDate today, String source) {
        List<Sum> sums = jdbc.sql("""
                        select coalesce(sum(t.invoices), 0) as invoices, coalesce(sum(t.total_minor), 0) as total_minor
                        from %s t
                        where t.measure = 'UNPAID' and t.on_day < :today
                        """.formatted(source))
                .param("organisationId", organisationId)
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Sum(rs.getLong("invoices"), rs.getLong("total_minor")))
                .list();
        return sums.get(0);
    }
}
