package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.TestFixture;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import's look-ups by organisation and key read one licence per staged row, whatever PostgreSQL's statistics say
 * (decision 0099). The case that hung the benchmark's import: statistics taken before the organisation had licences,
 * then a transaction that inserted many of them. Counted with the transaction's own statistics
 * ({@code pg_stat_xact_user_tables.idx_tup_fetch}, the rows index scans fetched), not timed.
 */
@IntegrationTest
@OnPostgres
class ImportLookupsPostgresTests {

    static final int NEW_LICENCES = 20_000;

    static final int STAGED = 100;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    ImportJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;
    Plan monthly;
    TestOrganisation other;
    Plan otherPlan;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        other = organisations.create();
        otherPlan = fixture.monthlyPlan(other);
    }

    @Test
    void readOneLicencePerStagedRowAfterAnInsertTheStatisticsMissed() {
        long id = jobs.create(org.id(), org.manager().userId(), "book.csv", 1, clock.instant());
        var rows = new ArrayList<ImportedRow>();
        for (int line = 2; line < 2 + STAGED; line++) {
            // Keys the organisation does not have, and codes nobody has: every look-up finds nothing.
            rows.add(new ImportedRow(
                    line,
                    "ref:staged-" + line,
                    null,
                    "Z" + String.format("%07d", line),
                    monthly,
                    "Staged " + line,
                    null,
                    1,
                    null,
                    false,
                    null,
                    null));
        }
        jobs.stage(id, rows);

        List<Long> fetched = transaction.execute(status -> {
            status.setRollbackOnly();
            // Statistics taken while the table held another organisation's licences and none of this one's, then this
            // organisation's licences as a large import makes them. Both are undone with the transaction.
            insertLicences(other.id(), otherPlan.id(), "other");
            jdbc.sql("analyze licence").update();
            insertLicences(org.id(), monthly.id(), "imported");
            long before = rowsFetchedThroughIndexes();
            assertThat(jobs.rowsLeft(id, org.id())).hasSize(STAGED);
            long afterRowsLeft = rowsFetchedThroughIndexes();
            assertThat(jobs.dropPresent(id, org.id())).isZero();
            long afterDropPresent = rowsFetchedThroughIndexes();
            return List.of(afterRowsLeft - before, afterDropPresent - afterRowsLeft);
        });

        // At most a licence per look-up (none here); the plan on stale statistics read 20,000 per staged row.
        assertThat(fetched.get(0)).as("licences read by rowsLeft").isLessThanOrEqualTo(2L * STAGED);
        assertThat(fetched.get(1)).as("licences read by dropPresent").isLessThanOrEqualTo(2L * STAGED);
    }

    void insertLicences(long organisationId, long planId, String prefix) {
        jdbc.sql("""
                        insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name,
                                             quantity, paused, billing_status, created_at, import_key)
                        select :organisationId, :codeStart || lpad(n::text, 7, '0'), :planId, 'P1M', 1000,
                               'Licence ' || n, 1, false, 'UNBILLED', now(), :prefix || '-' || n
                        from generate_series(1, :count) n
                        """)
                .param("organisationId", organisationId)
                .param("codeStart", prefix.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
                .param("planId", planId)
                .param("prefix", "ref:" + prefix)
                .param("count", NEW_LICENCES)
                .update();
    }

    long rowsFetchedThroughIndexes() {
        return jdbc.sql("select coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables where relname = 'licence'")
                .query(Long.class)
                .single();
    }
}
