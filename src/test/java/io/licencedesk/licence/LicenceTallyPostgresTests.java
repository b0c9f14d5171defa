package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.TestFixture;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * licence_tally, which the dashboard reads on PostgreSQL, always holds the sums of the licences themselves: after
 * every kind of change, whatever code makes it (the façade, a client, plain SQL), after its compaction, and with
 * compactions running while licences are created.
 */
@IntegrationTest
@OnPostgres
class LicenceTallyPostgresTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    LicenceFigureQueries queries;

    @Autowired
    LicenceTallyCompaction compaction;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan monthly;
    Plan yearly;
    LocalDate today;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
        today = testLicences.today();
    }

    /** The figures from the tally and from the licences, which must be the same, as text for a readable failure. */
    void assertTallyMatchesTheLicences() {
        assertThat(figures(LicenceFigureQueries.TALLY)).isEqualTo(figures(LicenceFigureQueries.LICENCES));
    }

    String figures(String source) {
        List<LocalDate> days = LicenceFigures.monthEnds(today, 12);
        var totals = queries.totals(org.id(), today, today.plusDays(30), days, source);
        return totals.byStatus() + " screens " + totals.activeScreens() + " soon " + totals.expiringSoon() + " "
                + totals.revenue(days, EUR);
    }

    long tallyRows(boolean pending) {
        return jdbc.sql("select count(*) from licence_tally where organisation_id = ? and pending = ?")
                .params(org.id(), pending)
                .query(Long.class)
                .single();
    }

    @Test
    void followsEveryKindOfChange() {
        long spare = licences.create(org.manager(), new NewLicence(monthly.id(), "Spare", null, 2, null))
                .id();
        long kiosk = licences.create(
                        org.manager(),
                        new NewLicence(
                                yearly.id(), "Kiosk", null, 3, org.alice().userId()))
                .id();
        long lobby = testLicences.activated(org.owner(), yearly, org.bob().userId(), "Lobby", today.minusDays(40));
        testLicences.activated(org.owner(), monthly, org.bob().userId(), "Old", today.minusDays(90));
        assertTallyMatchesTheLicences();

        clientLicences.activate(org.alice(), kiosk);
        licences.pause(org.manager(), lobby);
        assertTallyMatchesTheLicences();

        licences.resume(org.manager(), lobby);
        licences.edit(
                org.manager(),
                spare,
                edited -> new EditedLicence(
                        edited.name(),
                        edited.note(),
                        7,
                        yearly.id(),
                        org.alice().userId()));
        assertTallyMatchesTheLicences();

        jdbc.sql("update licence set ends_on = ends_on + 365 where id = ?")
                .param(lobby)
                .update();
        jdbc.sql("update licence set name = 'Renamed' where organisation_id = ?")
                .param(org.id())
                .update();
        licences.delete(org.manager(), spare);
        assertTallyMatchesTheLicences();

        // As an import inserts: one statement, the rows whose code is taken skipped (those must not count). The three
        // licences left are ranked, not picked by id: ids come from a shared sequence, so their parity is not ours.
        // The copies' codes start with '#', outside the codes' alphabet: with a letter, a code that already began
        // with it was copied onto itself and skipped too (one run in about eighteen).
        jdbc.sql("""
                        insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name,
                                             quantity, client_id, paused, activated_on, ends_on, created_at)
                        select organisation_id, case when row_number() over (order by id) = 2 then coupon_code else '#' || substr(coupon_code, 2) end,
                               plan_id, term, unit_price_minor, name || ' again', quantity + 1, client_id, paused,
                               activated_on, ends_on, created_at
                        from licence where organisation_id = ?
                        on conflict do nothing
                        """).param(org.id()).update();
        assertTallyMatchesTheLicences();
        assertThat(jdbc.sql("select count(*) from licence where organisation_id = ? and name like '% again'")
                        .param(org.id())
                        .query(Long.class)
                        .single())
                .as("the first and third copied, the second skipped")
                .isEqualTo(2L);
    }

    @Test
    void compactsToOneRowPerKeyWithTheSameSums() {
        for (int i = 0; i < 5; i++) {
            long id = licences.create(org.manager(), new NewLicence(monthly.id(), "Screen " + i, null, 1, null))
                    .id();
            licences.pause(org.manager(), id);
            licences.resume(org.manager(), id);
        }
        long deleted = licences.create(org.manager(), new NewLicence(yearly.id(), "Gone", null, 4, null))
                .id();
        licences.delete(org.manager(), deleted);
        String before = figures(LicenceFigureQueries.TALLY);
        assertThat(tallyRows(true)).isGreaterThan(10);

        compaction.compact();

        assertThat(tallyRows(true)).isZero();
        // Five unpaused Available monthly licences: one key. The deleted yearly one left nothing.
        assertThat(tallyRows(false)).isEqualTo(1);
        assertThat(figures(LicenceFigureQueries.TALLY)).isEqualTo(before);
        assertTallyMatchesTheLicences();
    }

    @Test
    void losesNothingWhenCompactionsRunWhileLicencesAreCreated() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                int w = writer;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        licences.create(
                                org.manager(), new NewLicence(monthly.id(), "W" + w + " " + i, null, 1 + i % 3, null));
                    }
                }));
            }
            for (int compactor = 0; compactor < 2; compactor++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        compaction.compact();
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTallyMatchesTheLicences();
        assertThat(figures(LicenceFigureQueries.TALLY)).contains("AVAILABLE, licences=80");
        compaction.compact();
        assertThat(tallyRows(true)).isZero();
        assertTallyMatchesTheLicences();
    }
}
