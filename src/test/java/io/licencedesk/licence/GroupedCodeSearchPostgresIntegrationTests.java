package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coupon code written in groups ("VZIB TOUC") is looked for beside the term as typed, and neither stops PostgreSQL
 * from reading the main list's indexes (decision 0152): the term as typed through the trigram index of the licence's
 * own text, the code through its unique index. With sequential scans off, the plan names both only when the query's
 * conditions are their indexes' expressions; a condition no index serves (a code compared without its separators in
 * SQL, say) would show a sequential scan.
 */
@IntegrationTest
@OnPostgres
@Import(StatementCounter.class)
class GroupedCodeSearchPostgresIntegrationTests {

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    StatementCounter counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aGroupedCodeIsLookedForThroughTheCodesIndexBesideTheTrigramIndex() {
        var org = organisations.create();
        var plan = fixture.monthlyPlan(org);
        var lobby = licences.create(org.manager(), new NewLicence(plan.id(), "Lobby screens", null, 1, null));
        String code = lobby.couponCode().value();
        String grouped = code.substring(0, 4) + " " + code.substring(4).toLowerCase();
        var filter = new LicenceFilter(null, false, false, grouped, LicenceSort.CREATED, false);

        var searched = counter.count(() -> licences.list(org.manager(), filter, LicencePageRequest.first(25)));

        assertThat(searched.result().rows()).extracting(LicenceRow::name).containsExactly("Lobby screens");
        // the count's own statement carries both conditions, written as their indexes' expressions
        String count = searched.sql().stream()
                .filter(sql -> sql.startsWith("select l.id from licence l where"))
                .findFirst()
                .orElseThrow();
        assertThat(count)
                .contains("(" + LicenceQueries.BY_GROUPED_CODE.replace(":code", "?") + " or " + LicenceQueries.OWN_TEXT
                        + " like ?)");

        // and PostgreSQL can read it through both indexes. Without the organisation's condition: this test's few
        // licences sit in a handful of organisations, and their index would serve it better than any search index;
        // a million licences of one organisation were measured in docs/benchmarks.md.
        String explained = count.replaceFirst("l\\.organisation_id = \\?\\s+and ", "")
                .replaceFirst("\\?", "'" + code + "'")
                .replaceFirst("\\?", "'%" + grouped.toLowerCase() + "%'");
        List<String> explainedPlan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain " + explained).query(String.class).list();
        });
        assertThat(String.join("\n", explainedPlan))
                .contains("licence_coupon_code_key")
                .contains("licence_search_trgm_idx")
                .doesNotContain("Seq Scan");
    }
}
