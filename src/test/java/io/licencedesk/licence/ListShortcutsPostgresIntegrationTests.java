package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestFixture;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The main list's two short cuts for large books (LicenceQueries): a newest-first page of expired licences starts at
 * the newest expired one, and a short term's capped count starts with a sample of the index of pairs. Both must
 * leave the count and every page exactly what the filters match, and this checks that they ran. Each test searches a
 * pair of its own: the licences of the others stay in the database, and in the index's entry for their pair.
 */
@IntegrationTest
@OnPostgres
@Import(StatementCounter.class)
class ListShortcutsPostgresIntegrationTests {

    /**
     * Sample thresholds a test reaches with a few thousand licences: every short term's count starts sampled. The
     * common share is above any share: statistics that miss the organisation (autovacuum's, gathered before its rows
     * were written) estimate as many matches as licences, a share of 1, and a threshold of 1 then skipped the sample.
     */
    static final LicenceQueries.Thresholds SAMPLE_EVERY_SHORT_TERM =
            new LicenceQueries.Thresholds(Double.MAX_VALUE, 2_500, 0);

    static final String COUNT_SQL = "select l.id from licence l where";

    /** Codes of a letter and seven digits, counted up: they hold no pair of letters a search could meet. */
    static final AtomicLong NEXT_CODE = new AtomicLong(new Random().nextInt(5_000_000));

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StatementCounter counter;

    @Autowired
    Clock clock;

    TestOrganisation org;
    TestOrganisation other;
    Plan plan;
    Plan otherPlan;
    LocalDate today;

    /** Each licence's id and its own searchable text, of {@link #org}. */
    final Map<Long, String> textOf = new TreeMap<>(Comparator.reverseOrder());

    final Map<Long, LocalDate> endOf = new TreeMap<>(Comparator.reverseOrder());

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        plan = fixture.monthlyPlan(org);
        otherPlan = fixture.monthlyPlan(other);
        today = LocalDate.now(clock);
    }

    @Test
    void aNewestFirstPageOfExpiredLicencesStartsAtTheNewestExpiredOne() {
        // 1,100 expired licences, then 300 newer ones that are not: a newest-first page of Expired passes the 300
        add(org, 1_100, i -> "Old screen " + i, today.minusDays(30));
        add(org, 300, i -> "New screen " + i, today.plusDays(300));
        List<Long> expired = endOf.entrySet().stream()
                .filter(licence -> licence.getValue().isBefore(today))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(expired).hasSize(1_100);

        for (var filter : List.of(
                new LicenceFilter(null, false, true, null, LicenceSort.CREATED, false),
                new LicenceFilter(null, false, false, null, LicenceSort.CREATED, false, LifecycleStatus.EXPIRED, null),
                new LicenceFilter(null, false, true, "screen", LicenceSort.CREATED, false))) {
            var first = counter.count(() -> licences.list(org.manager(), filter, LicencePageRequest.first(100)));
            assertThat(first.result().count()).isEqualTo(LicenceListing.COUNT_LIMIT + 1);
            assertThat(first.sql()).anySatisfy(sql -> assertThat(sql).contains("select max(l.id) from licence l"));
            assertThat(walkForwards(filter, first.result())).isEqualTo(expired);
        }
        // oldest first, the expired licences come first anyway: no look-up
        var oldestFirst = new LicenceFilter(null, false, true, null, LicenceSort.CREATED, true);
        var ascending = counter.count(() -> licences.list(org.manager(), oldestFirst, LicencePageRequest.first(100)));
        assertThat(ascending.sql()).noneSatisfy(sql -> assertThat(sql).contains("max(l.id)"));
        List<Long> oldestExpiredFirst = new ArrayList<>(expired);
        Collections.reverse(oldestExpiredFirst);
        assertThat(walkForwards(oldestFirst, ascending.result())).isEqualTo(oldestExpiredFirst);
    }

    @Test
    void aShortTermsCountProvedByItsSampleIsReadOnce() {
        add(org, 3_000, i -> "Jx panel " + i, today.plusDays(300));
        add(org, 200, i -> "Lobby " + i, today.plusDays(300));

        var counted = countAndWalk("jx");

        assertThat(counted.result()).isEqualTo(LicenceListing.COUNT_LIMIT + 1);
        assertThat(counted.sql()).anySatisfy(sql -> assertThat(sql).contains("gin_fuzzy_search_limit"));
        assertThat(counted.sql().stream().filter(sql -> sql.startsWith(COUNT_SQL)))
                .as("the sample found more than the cap")
                .hasSize(1);
    }

    @Test
    void aShortTermsCountIsExactWhenItsSampleFindsTooFew() {
        // the index's entry for the pair holds 7,050 licences, of which this organisation's 1,050: a sample of
        // about 2,500 holds about 370 of them, under the cap, and the count is asked again of every candidate
        add(other, 6_000, i -> "Wq other " + i, today.plusDays(300));
        add(org, 1_050, i -> "Wq panel " + i, today.plusDays(300));
        add(org, 100, i -> "Lobby " + i, today.plusDays(300));

        var counted = countAndWalk("wq");

        assertThat(counted.result()).isEqualTo(LicenceListing.COUNT_LIMIT + 1);
        assertThat(counted.sql().stream().filter(sql -> sql.startsWith(COUNT_SQL)))
                .as("the sampled count, then the full one")
                .hasSize(2);
    }

    @Test
    void aShortTermsCountUnderTheCapIsExactAndItsPagesReadItsMatches() {
        add(other, 6_000, i -> "Vk other " + i, today.plusDays(300));
        add(org, 900, i -> "Vk panel " + i, today.plusDays(300));
        add(org, 100, i -> "Lobby " + i, today.plusDays(300));

        var counted = countAndWalk("vk");

        assertThat(counted.result()).isEqualTo(900);
        assertThat(counted.sql().stream().filter(sql -> sql.startsWith(COUNT_SQL)))
                .hasSize(2);
    }

    /**
     * The count of the term through LicenceQueries with {@link #SAMPLE_EVERY_SHORT_TERM}, after checking that the
     * count and every page, walked forwards, are exactly the licences whose text holds the term.
     */
    StatementCounter.Counted<Long> countAndWalk(String term) {
        List<Long> expected = textOf.entrySet().stream()
                .filter(licence -> licence.getValue().contains(term))
                .map(Map.Entry::getKey)
                .toList();
        var queries = queries();
        var filter = new LicenceFilter(null, false, false, term, LicenceSort.CREATED, false);
        var tx = new TransactionTemplate(transactions);
        var first = counter.count(() -> tx.execute(status -> list(queries, filter, LicencePageRequest.first(100))));
        assertThat(first.result().count()).isEqualTo(Math.min(expected.size(), LicenceListing.COUNT_LIMIT + 1));

        List<Long> forwards = new ArrayList<>(ids(first.result()));
        var page = first.result();
        while (page.hasNext()) {
            var cursor = new LicencePageRequest(page.nextCursor(), null, false, 100);
            page = tx.execute(status -> list(queries, filter, cursor));
            forwards.addAll(ids(page));
        }
        assertThat(forwards).isEqualTo(expected);
        return new StatementCounter.Counted<>(first.result().count(), first.sql(), first.rowsRead());
    }

    LicenceQueries queries() {
        try {
            return new LicenceQueries(jdbc, dataSource, SAMPLE_EVERY_SHORT_TERM);
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    LicenceListing list(LicenceQueries queries, LicenceFilter filter, LicencePageRequest page) {
        return queries.list(org.id(), Currency.getInstance("EUR"), 30, today, filter, page);
    }

    List<Long> walkForwards(LicenceFilter filter, LicenceListing first) {
        List<Long> ids = new ArrayList<>(ids(first));
        var page = first;
        while (page.hasNext()) {
            page = licences.list(org.manager(), filter, new LicencePageRequest(page.nextCursor(), null, false, 100));
            ids.addAll(ids(page));
        }
        return ids;
    }

    static List<Long> ids(LicenceListing listing) {
        return listing.rows().stream().map(LicenceRow::id).toList();
    }

    /** Licences written directly, in one batch: creating thousands through the domain would take minutes. */
    void add(TestOrganisation organisation, int count, Function<Integer, String> name, LocalDate endsOn) {
        Plan planOfTheRows = organisation == org ? plan : otherPlan;
        List<String> codes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "Q%07d".formatted(NEXT_CODE.incrementAndGet());
            codes.add(code);
            rows.add(new Object[] {
                organisation.id(),
                code,
                planOfTheRows.id(),
                planOfTheRows.term().toString(),
                planOfTheRows.unitPrice().minorUnits(),
                name.apply(i),
                organisation.alice().userId(),
                Date.valueOf(endsOn.minusMonths(1)),
                Date.valueOf(endsOn),
                Timestamp.from(clock.instant())
            });
        }
        jdbcTemplate.batchUpdate("""
                insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name, quantity,
                                     client_id, activated_on, ends_on, created_at)
                values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                """, rows);
        // as autovacuum would: rows still in the index's pending list are handed over whole, never sampled; and the
        // statistics the estimates read, whenever autovacuum's own analyze happens to run
        jdbc.sql("select gin_clean_pending_list('licence_short_grams_idx')")
                .query()
                .singleRow();
        jdbcTemplate.execute("analyze licence");
        if (organisation != org) {
            return;
        }
        jdbc.sql("select id, coupon_code, name, ends_on from licence where coupon_code in (:codes)")
                .param("codes", codes)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    textOf.put(id, (rs.getString("coupon_code") + " " + rs.getString("name")).toLowerCase(Locale.ROOT));
                    endOf.put(id, rs.getDate("ends_on").toLocalDate());
                    return id;
                })
                .list();
    }
}
