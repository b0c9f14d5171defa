package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every row of the main list, with its filters and order, handed over one at a time for the CSV export.
 *
 * <p>PostgreSQL's driver reads a whole result into memory unless the statement has a fetch size and runs
 * inside a transaction (autocommit off): then it opens a cursor and fetches {@link #FETCH_SIZE} rows at a
 * time, so a million licences stream in constant memory and the first rows arrive at once. The callers run
 * in {@link LicenceExports}' read-only transaction; H2 streams either way.
 */
@Component
class LicenceExportQueries {

    static final int FETCH_SIZE = 1000;

    // The row's own columns come first, read by position in the order of ExportedLicence (a look-up by name for
    // each value cost 5% of the export's time); LicenceState.read reads its columns, after them, by name.
    private static final String SELECT = """
            select l.id, l.coupon_code, l.name, l.note, u.email as client_email, u.company as client_company,
                   p.name as plan_name, l.quantity, l.unit_price_minor, l.created_at,
                   l.client_id, l.paused, l.activated_on, l.ends_on, l.billing_status, l.ever_invoiced
            from licence l
            join plan p on p.id = l.plan_id
            left join app_user u on u.id = l.client_id
            """;

    private final JdbcClient jdbc;
    private final LicenceQueries queries;

    LicenceExportQueries(JdbcClient jdbc, LicenceQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** The rows the list shows for this filter, all pages, in the list's order. */
    void filtered(
            long organisationId,
            Currency currency,
            int expiringSoonDays,
            LocalDate today,
            LicenceFilter filter,
            Consumer<ExportedLicence> each) {
        var where = queries.where(
                organisationId,
                today,
                ExpiringSoonWindow.of(today, expiringSoonDays).until(),
                filter);
        String direction = filter.ascending() ? "asc" : "desc";
        String sql = SELECT
                + "where %s\norder by %s %s, l.id %s"
                        .formatted(where.sql(), filter.sort().expression, direction, direction);
        stream(sql, where.params(), currency, today, each);
    }

    /** These licences of the organisation (others are left out), newest first. */
    void selected(
            long organisationId,
            Currency currency,
            LocalDate today,
            Collection<Long> ids,
            Consumer<ExportedLicence> each) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = SELECT + "where l.organisation_id = :organisationId and l.id in (:ids)\norder by l.id desc";
        stream(sql, Map.of("organisationId", organisationId, "ids", ids), currency, today, each);
    }

    private void stream(
            String sql, Map<String, ?> params, Currency currency, LocalDate today, Consumer<ExportedLicence> each) {
        RowCallbackHandler handler = rs -> each.accept(row(rs, currency, today));
        jdbc.sql(sql).params(params).withFetchSize(FETCH_SIZE).query(handler);
    }

    /** A licence's status comes from the same {@link LicenceState} rules as the list's and the licence's own. */
    private static ExportedLicence row(ResultSet rs, Currency currency, LocalDate today) throws SQLException {
        var state = LicenceState.read(rs);
        int quantity = rs.getInt(8);
        return new ExportedLicence(
                rs.getLong(1),
                // Written by CouponCode when the licence was made: checking its pattern again on each row cost 4%.
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                quantity,
                new Money(rs.getLong(9), currency).times(quantity),
                state.status(today),
                state.billingStatus(),
                rs.getObject(10, OffsetDateTime.class).toInstant(),
                state.activatedOn(),
                state.endsOn());
    }
}
