package io.licencedesk.licence;

import io.licencedesk.licence.LicenceOverview.StatusCount;
import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The dashboard's licence figures: the organisation's licences counted by term, dates and state (licence_tally on
 * PostgreSQL, kept by triggers; the licence table itself on H2), read twice, by status and by the days asked for; and
 * the licences ending soonest through the end-date index. The status and "in use" conditions mirror {@link LicenceState#statusOf}
 * and the main list's filters (LicenceQueries), so that each figure is the count of the list it links to.
 */
@Component
class LicenceFigureQueries {

    /** The tally's rows of one organisation; every row is a change of the counts, and the figures are their sums. */
    static final String TALLY = "(select term, activated_on, ends_on, paused, assigned, licences, screens, amount_minor"
            + " from licence_tally where organisation_id = :organisationId)";

    /** The same columns read from the licences themselves, one row per licence. */
    static final String LICENCES = "(select term, activated_on, ends_on, paused, client_id is not null as assigned,"
            + " 1 as licences, quantity as screens, cast(quantity as bigint) * unit_price_minor as amount_minor"
            + " from licence where organisation_id = :organisationId)";

    private static final String STATUS = """
            case when t.ends_on < :today then 'EXPIRED'
                 when t.paused then 'PAUSED'
                 when t.activated_on is not null then 'ACTIVE'
                 when t.assigned then 'ASSIGNED'
                 else 'AVAILABLE' end""";

    /** A month is 1,461/48 days (365.25 / 12): a term of m months and d days lasts m + 48d/1,461 months. */
    private static final long DAYS_PER_FOUR_YEARS = 1461;

    private static final long MONTHS_PER_FOUR_YEARS = 48;

    private final JdbcClient jdbc;
    private final boolean postgres;

    LicenceFigureQueries(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** From the tally on PostgreSQL, from the licences on H2 (which has no tally). */
    String source() {
        return postgres ? TALLY : LICENCES;
    }

    /** Counts by status, active screens, expiring soon and the revenue on each day, from the given source. */
    Totals totals(long organisationId, LocalDate today, LocalDate soonEnd, List<LocalDate> days, String source) {
        var totals = new Totals(days.size());
        RowCallbackHandler byStatus = totals::addStatus;
        jdbc.sql("""
                        select s.term, s.status, sum(s.licences) as licences, sum(s.screens) as screens,
                               sum(s.soon) as soon
                        from (select t.term, %s as status, t.licences, t.screens,
                                     case when not t.paused and t.activated_on is not null and t.ends_on >= :today
                                               and t.ends_on <= :soonEnd then t.licences else 0 end as soon
                              from %s t) s
                        group by s.term, s.status
                        """.formatted(STATUS, source))
                .param("organisationId", organisationId)
                .param("today", Date.valueOf(today))
                .param("soonEnd", Date.valueOf(soonEnd))
                .query(byStatus);
        // One row per day asked and term: a join with the days costs less than a sum per day over every row.
        List<String> values = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            values.add("(%d, cast(:day%d as date))".formatted(i, i));
        }
        var inUse = jdbc.sql("""
                        select t.term, d.n, sum(t.licences) as licences, sum(t.amount_minor) as amount_minor
                        from (values %s) d(n, on_day)
                        join %s t on not t.paused and t.activated_on <= d.on_day and t.ends_on >= d.on_day
                        where t.ends_on >= :first and t.activated_on <= :last
                        group by t.term, d.n
                        """.formatted(String.join(", ", values), source))
                .param("organisationId", organisationId)
                .param(
                        "first",
                        Date.valueOf(days.stream().min(LocalDate::compareTo).orElse(today)))
                .param(
                        "last",
                        Date.valueOf(days.stream().max(LocalDate::compareTo).orElse(today)));
        for (int i = 0; i < days.size(); i++) {
            inUse = inUse.param("day" + i, Date.valueOf(days.get(i)));
        }
        RowCallbackHandler byDay = totals::addInUse;
        inUse.query(byDay);
        return totals;
    }

    /** The first active licences ending within the window, soonest first, with whether each renews. */
    List<EndingLicence> ending(long organisationId, LocalDate today, LocalDate soonEnd, int limit) {
        return jdbc.sql("""
                        select l.id, l.coupon_code, l.name, l.client_id, u.name as client_name, l.ends_on,
                               case when coalesce(l.auto_renew, p.auto_renew) and l.client_id is not null
                                         and not l.paused then true else false end as renews
                        from licence l
                        join plan p on p.id = l.plan_id
                        left join app_user u on u.id = l.client_id
                        where l.organisation_id = :organisationId
                          and l.ends_on >= :today and l.ends_on <= :soonEnd
                          and not l.paused and l.activated_on is not null
                        order by l.ends_on, l.id
                        limit :limit
                        """)
                .param("organisationId", organisationId)
                .param("today", Date.valueOf(today))
                .param("soonEnd", Date.valueOf(soonEnd))
                .param("limit", limit)
                .query((rs, n) -> new EndingLicence(
                        rs.getLong("id"),
                        rs.getString("coupon_code"),
                        rs.getString("name"),
                        rs.getObject("client_id", Long.class),
                        rs.getString("client_name"),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getBoolean("renews")))
                .list();
    }

    /** Monthly revenue of an amount billed once a term: the amount over the term's length in months (not rounded). */
    static BigDecimal monthly(long amountMinor, Period term) {
        long fourYearsOfTerm = term.toTotalMonths() * DAYS_PER_FOUR_YEARS + term.getDays() * MONTHS_PER_FOUR_YEARS;
        return BigDecimal.valueOf(amountMinor)
                .multiply(BigDecimal.valueOf(DAYS_PER_FOUR_YEARS))
                .divide(BigDecimal.valueOf(fourYearsOfTerm), 10, RoundingMode.HALF_UP);
    }

    /** The sums of the statement's rows (one per term and status). */
    static final class Totals {

        private final Map<LifecycleStatus, Long> byStatus = new EnumMap<>(LifecycleStatus.class);
        private final long[] inUse;
        private final BigDecimal[] revenue;
        private long activeScreens;
        private long expiringSoon;

        Totals(int days) {
            for (LifecycleStatus status : LifecycleStatus.values()) {
                byStatus.put(status, 0L);
            }
            inUse = new long[days];
            revenue = new BigDecimal[days];
            Arrays.fill(revenue, BigDecimal.ZERO);
        }

        private void addStatus(ResultSet rs) throws SQLException {
            LifecycleStatus status = LifecycleStatus.valueOf(rs.getString("status"));
            byStatus.merge(status, rs.getLong("licences"), Long::sum);
            if (status == LifecycleStatus.ACTIVE) {
                activeScreens += rs.getLong("screens");
            }
            expiringSoon += rs.getLong("soon");
        }

        private void addInUse(ResultSet rs) throws SQLException {
            int day = rs.getInt("n");
            inUse[day] += rs.getLong("licences");
            revenue[day] = revenue[day].add(monthly(rs.getLong("amount_minor"), Period.parse(rs.getString("term"))));
        }

        List<StatusCount> byStatus() {
            return byStatus.entrySet().stream()
                    .map(entry -> new StatusCount(entry.getKey(), entry.getValue()))
                    .toList();
        }

        long activeScreens() {
            return activeScreens;
        }

        long expiringSoon() {
            return expiringSoon;
        }

        List<RecurringRevenue> revenue(List<LocalDate> days, Currency currency) {
            List<RecurringRevenue> months = new ArrayList<>();
            for (int i = 0; i < inUse.length; i++) {
                long minor = revenue[i].setScale(0, RoundingMode.HALF_UP).longValueExact();
                months.add(new RecurringRevenue(days.get(i), new Money(minor, currency), inUse[i]));
            }
            return months;
        }
    }
}
