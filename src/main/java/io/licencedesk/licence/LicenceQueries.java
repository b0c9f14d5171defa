package io.licencedesk.licence;

import io.licencedesk.shared.GroupedCode;
import io.licencedesk.shared.Like;
import io.licencedesk.shared.Money;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The main list: filters, keyword search and keyset paging in SQL you can paste into psql.
 *
 * <p>This read model joins the accounts module's app_user table read-only for the client's name,
 * e-mail and company: going through the accounts façade could not search a million licences fast.
 */
@Component
class LicenceQueries {

    /** A licence's own searchable text; identical to the expression of the trigram index (PostgreSQL). */
    static final String OWN_TEXT = "lower(l.coupon_code || ' ' || l.name || ' ' || coalesce(l.note, ''))";

    /**
     * Every character and adjacent pair of a licence's own text, indexed on PostgreSQL for terms of one or
     * two characters (which trigrams cannot serve); identical to the expression of licence_short_grams_idx.
     */
    static final String SHORT_GRAMS = "licence_short_grams(" + OWN_TEXT + ")";

    /**
     * The same text, written so that it does not match the trigram index's expression: a term of one or two
     * characters has no trigram, so that index can only answer it by reading all of itself. At 10,000,000 licences
     * PostgreSQL chose to, beside the index of pairs, and a capped count took 17 s instead of 145 ms.
     */
    static final String OWN_TEXT_NO_TRIGRAMS = "(" + OWN_TEXT + " || '')";

    /**
     * A licence whose code is the term written in groups ("VZIB TOUC", "vzib-touc"), which its text never contains:
     * one look-up in the code's unique index (licence_coupon_code_key), beside the trigram index's for the term as
     * typed (decision 0152).
     */
    static final String BY_GROUPED_CODE = "l.coupon_code = :code";

    private static final String CLIENT_TEXT = "lower(u.name || ' ' || u.email || ' ' || coalesce(u.company, ''))";

    /**
     * A client's text matching a term of one or two characters on PostgreSQL: through the index of its characters and
     * pairs (app_user_short_grams_idx), the {@code like} checking each found client without the trigram index.
     */
    private static final String CLIENT_TEXT_BY_PAIRS = "(" + CLIENT_TEXT
            + " || '') like :pattern and licence_short_grams(" + CLIENT_TEXT + ") @> array[cast(:term as text)]";

    /** Beyond this many matching clients the search uses a sub-query instead of a list of ids. */
    private static final int CLIENT_ID_LIST_LIMIT = 1000;

    /**
     * The text of the row's client, read through its primary key. When thousands of clients match a term (29,325 of
     * 100,000 for "or"), gathering them all for a sub-query took 31 ms at 10,000,000 licences, twice a page; a page
     * read in list order finds its 25 rows within a few thousand licences, and looking up each one's client is cheaper.
     * (The sub-query's {@code u} is its own, not the page query's joined client.)
     */
    private static final String CLIENT_TEXT_OF_ROW =
            "(select " + CLIENT_TEXT + " from app_user u where u.id = l.client_id) like :pattern";

    /** SQL for each lifecycle status, mirroring {@link LicenceState#statusOf}. */
    private static final Map<LifecycleStatus, String> STATUS_SQL = Map.of(
            LifecycleStatus.EXPIRED, "l.ends_on < :today",
            LifecycleStatus.PAUSED, "(l.paused and (l.ends_on is null or l.ends_on >= :today))",
            LifecycleStatus.ACTIVE, "(not l.paused and l.activated_on is not null and l.ends_on >= :today)",
            LifecycleStatus.ASSIGNED, "(not l.paused and l.client_id is not null and l.activated_on is null)",
            LifecycleStatus.AVAILABLE, "(not l.paused and l.client_id is null)");

    private static final String EXPIRING_SOON_SQL =
            "(not l.paused and l.activated_on is not null and l.ends_on >= :today and l.ends_on <= :soonEnd)";

    /** In use on a day: mirrored by the dashboard's recurring revenue (LicenceFigureQueries). */
    private static final String IN_USE_SQL = "(not l.paused and l.activated_on <= :inUseOn and l.ends_on >= :inUseOn)";

    /**
     * When a short term's search changes its way, by PostgreSQL's estimates; other values only for a test that reaches
     * them with a few thousand licences.
     *
     * @param commonShare above this share of matching licences, a short term is searched without its index
     * @param countSample how many candidates a capped count asks of the index of pairs first: the index hands over
     *     every licence of a pair before the first one is read (53,659 for "qz" at 10,000,000 licences: 25-35 ms),
     *     where a thousand matches prove the count's cap; see {@link #matchingIds}
     * @param sampleAbove the expected number of matches above which the count starts with a sample
     */
    record Thresholds(double commonShare, int countSample, double sampleAbove) {

        static final Thresholds DEFAULT = new Thresholds(0.02, 5_000, 5_000);
    }

    /**
     * Above this estimated share (and below {@link Thresholds#commonShare}) a short term's page, without a date filter,
     * reads the list in order: 25 matches are then within a few thousand licences (3 ms for a pair in 0.5% of
     * 1,000,000), where its index hands over every candidate to be read and sorted (5,400 licences, 25-40 ms).
     * Its capped count, which needs 1,001 matches, still uses the index.
     */
    private static final double UNCOMMON_SHARE = 0.0025;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.eE+]+)");

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Thresholds thresholds;

    @Autowired
    LicenceQueries(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this(jdbc, dataSource, Thresholds.DEFAULT);
    }

    LicenceQueries(JdbcClient jdbc, DataSource dataSource, Thresholds thresholds) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        this.thresholds = thresholds;
    }

    LicenceListing list(
            long organisationId,
            Currency currency,
            int expiringSoonDays,
            LocalDate today,
            LicenceFilter filter,
            LicencePageRequest page) {
        planEachQueryForItsValues();
        var where = new Where(
                organisationId,
                today,
                ExpiringSoonWindow.of(today, expiringSoonDays).until());
        addFilters(where, filter, true);
        List<Long> matching = matchingIds(where);
        long count = matching.size();
        // Under the cap the count has found every match: the page reads them by id instead of searching again
        // (a rare word's trigram look-up, 12 ms at 10,000,000 licences, was paid twice).
        boolean allMatchesKnown = matching.size() <= LicenceListing.COUNT_LIMIT;

        LicenceSort sort = filter.sort();
        boolean backwards = page.before() != null || page.last();
        boolean descending = !filter.ascending() ^ backwards;
        String cursor = page.after() != null ? page.after() : page.before();
        var pageWhere = allMatchesKnown ? where.onlyThese(matching) : where.forPage();
        if (cursor != null) {
            addCursor(pageWhere, ListCursor.read(cursor, filter), descending);
        } else if (!allMatchesKnown && sort.byIdOnly() && descending && onlyExpired(filter)) {
            startAtNewestExpired(pageWhere);
        }
        String direction = descending ? "desc" : "asc";
        String sql = """
                select l.id, l.coupon_code, l.name, l.quantity, l.unit_price_minor, l.client_id, l.paused,
                       l.activated_on, l.ends_on, l.billing_status, l.created_at, l.ever_invoiced,
                       p.name as plan_name, u.name as client_name, u.email as client_email,
                       u.company as client_company
                from licence l
                join plan p on p.id = l.plan_id
                left join app_user u on u.id = l.client_id
                where %s
                order by %s %s, l.id %s
                limit :limit
                """.formatted(pageWhere.sql(), sort.expression, direction, direction);
        List<LicenceRow> rows = matching.isEmpty()
                ? new ArrayList<>()
                : new ArrayList<>(jdbc.sql(sql)
                        .params(pageWhere.params)
                        .param("limit", page.size() + 1)
                        .query((rs, n) -> row(rs, currency, today, expiringSoonDays))
                        .list());
        boolean more = rows.size() > page.size();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean hasPrevious = backwards ? more : !page.isFirst();
        boolean hasNext = backwards ? !page.last() : more;
        return new LicenceListing(
                rows,
                count,
                hasPrevious,
                hasNext,
                hasPrevious && !rows.isEmpty()
                        ? ListCursor.of(filter, rows.get(0)).text()
                        : null,
                hasNext && !rows.isEmpty()
                        ? ListCursor.of(filter, rows.get(rows.size() - 1)).text()
                        : null);
    }

    private static boolean onlyExpired(LicenceFilter filter) {
        return filter.status() == LifecycleStatus.EXPIRED || (filter.expired() && !filter.expiringSoon());
    }

    /**
     * Starts a newest-first page of expired licences at the newest one. The newest licences of a book are seldom
     * expired, and reading the list from its newest end passed all of them first: 140,807 at 10,000,000 licences
     * (21-35 ms). This look-up passes them in the index of ids that carries the end date (V28) without reading the
     * licences (4-8 ms).
     */
    private void startAtNewestExpired(Where pageWhere) {
        Long newest = jdbc.sql("""
                        select max(l.id) from licence l
                        where l.organisation_id = :organisationId and l.ends_on < :today
                        """)
                .param("organisationId", pageWhere.organisationId)
                .param("today", pageWhere.params.get("today"))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (newest != null) {
            pageWhere.and("l.id <= :newestExpired").param("newestExpired", newest);
        }
    }

    /**
     * The conditions of the list with these filters, as its page query writes them, for a reader of all its
     * rows (the CSV export), so that the filter SQL is written in one place.
     */
    Where where(long organisationId, LocalDate today, LocalDate soonEnd, LicenceFilter filter) {
        planEachQueryForItsValues();
        var where = new Where(organisationId, today, soonEnd);
        addFilters(where, filter, false);
        return where.forPage();
    }

    /**
     * After five executions of a prepared statement PostgreSQL may switch to a generic plan, made without
     * the search pattern, dates or ids. For this list that plan is often the worst one (walking the
     * primary key through a million rows for a word that matches a dozen), so within the caller's
     * transaction every statement is planned for its actual values (a fraction of a millisecond each).
     *
     * <p>Nor do these statements start parallel workers: each wants its first 26 or 1,001 rows, and a
     * parallel scan under a limit makes every worker read its share before the leader can stop (a pair of
     * characters in 0.5% of 1,000,000 licences: 90 ms in parallel, 3 ms in one process), on top of the
     * workers' start-up; the list's requests run side by side rather than one at a time.
     */
    private void planEachQueryForItsValues() {
        if (postgres) {
            jdbc.sql("""
                    select set_config('plan_cache_mode', 'force_custom_plan', true),
                           set_config('max_parallel_workers_per_gather', '0', true)
                    """).query().singleRow();
        }
    }

    /** A list line; its flags come from the same {@link LicenceState} rules as the licence's own. */
    private static LicenceRow row(ResultSet rs, Currency currency, LocalDate today, int expiringSoonDays)
            throws SQLException {
        var state = LicenceState.read(rs);
        int quantity = rs.getInt("quantity");
        return new LicenceRow(
                rs.getLong("id"),
                new CouponCode(rs.getString("coupon_code")).value(),
                rs.getString("name"),
                state.clientId(),
                rs.getString("client_name"),
                rs.getString("client_email"),
                rs.getString("client_company"),
                rs.getString("plan_name"),
                quantity,
                new Money(rs.getLong("unit_price_minor"), currency).times(quantity),
                state.status(today),
                state.billingStatus(),
                state.expiringSoon(today, expiringSoonDays),
                rs.getTimestamp("created_at").toInstant(),
                state.endsOn(),
                state.canPause(today),
                state.canResume(today),
                state.deletionRefusal(today),
                state.billable());
    }

    /**
     * The ids of the matching licences, up to one more than the count shows: their number is the capped count, and
     * when it is under the cap they are every match.
     */
    private List<Long> matchingIds(Where where) {
        if (where.clientsMatchingTerm != null) {
            // The term is the only filter, so every licence of a matching client matches: their licences, read
            // client by client, reach the cap within a few clients, without reading the licences in between.
            List<Long> ofClients = jdbc.sql("""
                            select l.id from app_user u
                            join licence l on l.organisation_id = u.organisation_id and l.client_id = u.id
                            where u.organisation_id = :organisationId and u.role = 'CLIENT' and %s
                            limit %d
                            """.formatted(where.clientsMatchingTerm, LicenceListing.COUNT_LIMIT + 1))
                    .params(where.params)
                    .query(Long.class)
                    .list();
            if (ofClients.size() > LicenceListing.COUNT_LIMIT) {
                return ofClients;
            }
        }
        String sql =
                "select l.id from licence l where %s limit %d".formatted(where.sql(), LicenceListing.COUNT_LIMIT + 1);
        if (where.sampleTheCount) {
            // Every licence the sample finds matches, so finding more than the cap proves the capped count; finding
            // fewer proves nothing, and the count is then asked of every candidate.
            setGinSample(thresholds.countSample());
            List<Long> sampled = ids(sql, where);
            setGinSample(0);
            if (sampled.size() > LicenceListing.COUNT_LIMIT) {
                return sampled;
            }
        }
        return ids(sql, where);
    }

    private List<Long> ids(String sql, Where where) {
        return jdbc.sql(sql).params(where.params).query(Long.class).list();
    }

    /**
     * PostgreSQL's gin_fuzzy_search_limit: a GIN index scan that expects more candidates than this hands over a random
     * share of them, about this many (0: all). Set for the caller's transaction only.
     */
    private void setGinSample(int candidates) {
        jdbc.sql("select set_config('gin_fuzzy_search_limit', :candidates, true)")
                .param("candidates", Integer.toString(candidates))
                .query()
                .singleRow();
    }

    /**
     * @param onePage for one page of the list, whose count and page queries stop early; the export reads every
     *     match, for which a look-up per licence would cost more than gathering the matching clients once.
     */
    private void addFilters(Where where, LicenceFilter filter, boolean onePage) {
        if (filter.clientId() != null) {
            where.and("l.client_id = :clientId").param("clientId", filter.clientId());
        }
        if (filter.status() != null) {
            where.and(STATUS_SQL.get(filter.status()));
        }
        if (filter.inUseOn() != null) {
            where.and(IN_USE_SQL).param("inUseOn", Date.valueOf(filter.inUseOn()));
        }
        if (filter.expiringSoon() && filter.expired()) {
            where.and("(" + EXPIRING_SOON_SQL + " or " + STATUS_SQL.get(LifecycleStatus.EXPIRED) + ")");
        } else if (filter.expiringSoon()) {
            where.and(EXPIRING_SOON_SQL);
        } else if (filter.expired()) {
            where.and(STATUS_SQL.get(LifecycleStatus.EXPIRED));
        }
        if (!Like.canMatch(filter.keyword())) {
            where.and("1 = 0");
            return;
        }
        String pattern = Like.containing(filter.keyword());
        if (pattern != null) {
            boolean dateFilter = filter.expiringSoon() || filter.expired();
            boolean keywordOnly = onePage
                    && filter.clientId() == null
                    && filter.status() == null
                    && filter.inUseOn() == null
                    && !dateFilter;
            addKeyword(where, pattern, filter.keyword().strip().toLowerCase(Locale.ROOT), dateFilter, keywordOnly);
        }
    }

    /**
     * A licence matches when its own text, its client, its plan, its status or its billing status contains the
     * keyword.
     * Matching clients and plans are looked up first, so the licence query can use plain id indexes.
     *
     * @param keywordOnly the term is the list's only filter, and this is for one page of it
     */
    private void addKeyword(Where where, String pattern, String keyword, boolean dateFilter, boolean keywordOnly) {
        List<String> alternatives = new ArrayList<>();
        where.param("pattern", pattern);
        // The page query writes the client's alternative differently when it looks each licence's client up.
        String clientOnPage = null;
        String clientOfEachRow = null;

        String clientMatches = postgres && isShort(keyword) ? CLIENT_TEXT_BY_PAIRS : CLIENT_TEXT + " like :pattern";
        List<Long> clientIds = jdbc.sql("""
                        select u.id from app_user u
                        where u.organisation_id = :organisationId and u.role = 'CLIENT' and %s
                        limit %d
                        """.formatted(clientMatches, CLIENT_ID_LIST_LIMIT + 1))
                .param("organisationId", where.organisationId)
                .param("pattern", pattern)
                .param("term", keyword)
                .query(Long.class)
                .list();
        if (clientIds.size() > CLIENT_ID_LIST_LIMIT) {
            where.param("term", keyword);
            alternatives.add("l.client_id in (select u.id from app_user u where u.organisation_id = :organisationId"
                    + " and u.role = 'CLIENT' and " + clientMatches + ")");
            if (keywordOnly) {
                clientOfEachRow = CLIENT_TEXT_OF_ROW;
                where.clientsMatchingTerm = clientMatches;
            } else {
                clientOnPage = alternatives.get(0);
            }
        } else if (!clientIds.isEmpty()) {
            alternatives.add("l.client_id in (:matchingClients)");
            clientOnPage = alternatives.get(0);
            where.param("matchingClients", clientIds);
        }

        List<String> others = new ArrayList<>();
        List<Long> planIds = jdbc.sql(
                        "select id from plan where organisation_id = :organisationId and lower(name) like :pattern")
                .param("organisationId", where.organisationId)
                .param("pattern", pattern)
                .query(Long.class)
                .list();
        if (!planIds.isEmpty()) {
            others.add("l.plan_id in (:matchingPlans)");
            where.param("matchingPlans", planIds);
        }

        String groupedCode = GroupedCode.of(keyword);
        if (groupedCode != null) {
            others.add(BY_GROUPED_CODE);
            where.param("code", groupedCode);
        }
        for (LifecycleStatus status : LifecycleStatus.values()) {
            if (status.label().toLowerCase(Locale.ROOT).contains(keyword)) {
                others.add(STATUS_SQL.get(status));
            }
        }
        for (BillingStatus status : BillingStatus.values()) {
            if (status.label().toLowerCase(Locale.ROOT).contains(keyword)) {
                others.add("l.billing_status = '" + status.name() + "'");
            }
        }
        alternatives.addAll(others);
        List<String> pageAlternatives = new ArrayList<>();
        if (clientOnPage != null) {
            pageAlternatives.add(clientOnPage);
        }
        pageAlternatives.addAll(others);

        // last: the cheaper alternatives decide first for rows that are read one by one
        String byText = (isShort(keyword) ? OWN_TEXT_NO_TRIGRAMS : OWN_TEXT) + " like :pattern";
        var estimate = postgres && isShort(keyword) ? estimate(where.organisationId, keyword) : Estimate.NONE;
        double share = estimate.share();
        String onPage = byText;
        String forCount = byText;
        if (share < thresholds.commonShare()) {
            String byPairs = "(" + byText + " and " + SHORT_GRAMS + " @> array[cast(:term as text)])";
            where.param("term", keyword);
            // Expired and expiring licences gather at one end of the list, so reading it in order could pass
            // hundreds of thousands of licences before 25 of them match (175 ms for a pair and Expired).
            boolean pageInOrder = share >= UNCOMMON_SHARE && !dateFilter;
            forCount = byPairs;
            onPage = pageInOrder ? byText : byPairs;
            where.sampleTheCount = estimate.matching() > thresholds.sampleAbove();
        }
        if (clientOfEachRow != null) {
            onPage = onPage + " or " + clientOfEachRow;
        }
        where.and(anyOf(alternatives, forCount), anyOf(pageAlternatives, onPage));
    }

    private static String anyOf(List<String> alternatives, String last) {
        List<String> all = new ArrayList<>(alternatives);
        all.add(last);
        return "(" + String.join(" or ", all) + ")";
    }

    /** How many of the organisation's licences PostgreSQL expects, and how many of them to contain a short term. */
    private record Estimate(double all, double matching) {

        static final Estimate NONE = new Estimate(1, 1);

        double share() {
            return all == 0 ? 1 : matching / all;
        }
    }

    /**
     * The share of the licences PostgreSQL estimates to contain a short term. For a large share, reading
     * licences in list order finds a page (and the capped count) sooner than the index of character
     * pairs, whose entry for such a term lists hundreds of thousands of licences.
     *
     * <p>The estimate is asked of the pairs, not of the {@code like}: ANALYZE keeps the frequency of the
     * most common characters and pairs of the indexed expression, so it is close (5,467 for a pair in 5,423
     * licences), where the estimate of {@code like '%qz%'} was six times too high and sent a rare pair
     * to the full scan (140 ms for its capped count at 1,000,000 licences).
     */
    private Estimate estimate(long organisationId, String term) {
        double all = estimatedRows(
                "select 1 from licence l where l.organisation_id = :organisationId", organisationId, term);
        double matching = estimatedRows(
                "select 1 from licence l where l.organisation_id = :organisationId and " + SHORT_GRAMS
                        + " @> array[cast(:term as text)]",
                organisationId,
                term);
        return new Estimate(all, matching);
    }

    private double estimatedRows(String sql, long organisationId, String term) {
        String plan = jdbc.sql("explain (format json) " + sql)
                .param("organisationId", organisationId)
                .param("term", term)
                .query(String.class)
                .single();
        var rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Double.parseDouble(rows.group(1)) : 0;
    }

    /** One or two characters (the pair separator of licence_short_grams never occurs in a term). */
    private static boolean isShort(String keyword) {
        return keyword.codePointCount(0, keyword.length()) <= 2 && keyword.indexOf('\u0001') < 0;
    }

    private static void addCursor(Where where, ListCursor cursor, boolean descending) {
        String comparison = descending ? "<" : ">";
        if (cursor.sort().byIdOnly()) {
            where.and("l.id " + comparison + " :cursorId").param("cursorId", cursor.id());
            return;
        }
        where.and("(" + cursor.sort().expression + ", l.id) " + comparison + " (:cursorKey, :cursorId)")
                .param("cursorKey", cursor.sortKey())
                .param("cursorId", cursor.id());
    }

    /** The conditions of a list query with their parameters, always starting from the organisation. */
    static final class Where {
        private final long organisationId;
        private final List<String> conditions = new ArrayList<>();
        /** The same conditions for the page query; only a short search term is written differently there. */
        private final List<String> pageConditions = new ArrayList<>();

        private final Map<String, Object> params = new HashMap<>();

        /**
         * When the term is the only filter and many clients match it: their condition on {@code app_user u}, for a
         * count that reads their licences first.
         */
        private String clientsMatchingTerm;

        /** When PostgreSQL expects more matches than {@link Thresholds#sampleAbove}: the count samples them first. */
        private boolean sampleTheCount;

        Where(long organisationId, LocalDate today, LocalDate soonEnd) {
            this.organisationId = organisationId;
            and("l.organisation_id = :organisationId");
            params.put("organisationId", organisationId);
            params.put("today", Date.valueOf(today));
            params.put("soonEnd", Date.valueOf(soonEnd));
        }

        private Where(Where other) {
            this.organisationId = other.organisationId;
            conditions.addAll(other.pageConditions);
            pageConditions.addAll(other.pageConditions);
            params.putAll(other.params);
        }

        /** The conditions as the page query writes them, to add the cursor to. */
        Where forPage() {
            return new Where(this);
        }

        /** The page's conditions when every matching licence is known: these ids, within the organisation. */
        Where onlyThese(List<Long> ids) {
            var these = new Where(this);
            these.conditions.clear();
            these.pageConditions.clear();
            return these.and("l.organisation_id = :organisationId")
                    .and("l.id in (:matchingIds)")
                    .param("matchingIds", ids);
        }

        Where and(String condition) {
            return and(condition, condition);
        }

        Where and(String forCount, String forPage) {
            conditions.add(forCount);
            pageConditions.add(forPage);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        String sql() {
            return String.join("\n  and ", conditions);
        }

        Map<String, Object> params() {
            return params;
        }
    }
}
