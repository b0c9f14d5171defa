package io.licencedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The invoice list benchmark at a small scale, so that it keeps working: the same data (the dashboard benchmark's
 * invoices and another organisation's), cases, sign-in, API token and requests as {@code bench/run-invoice-list.sh},
 * on 500 licences in a PostgreSQL of its own. It checks what the cases find against the tables, never the clock.
 */
// bench.context: a property of its own, so that Spring does not hand this class DashboardBenchmarkTests' cached
// context, whose database already holds the bench's users (a full run failed on app_user_email_key).
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"licencedesk.dashboard.tally-compaction=PT1H", "bench.context=invoice-list"})
@ActiveProfiles("test")
@Import(MainListBenchmarkTests.BenchDatabase.class)
class InvoiceListBenchmarkTests {

    @LocalServerPort
    int port;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Test
    void everyCaseAnswersWhatTheTablesHold() throws Exception {
        long organisationId;
        long invoices;
        try (var connection = dataSource.getConnection()) {
            new BenchData(11, LocalDate.now(clock)).load(connection, 500, 40, false);
            organisationId = ExportBenchmark.organisationId(JdbcClient.create(dataSource));
            invoices = DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now(clock));
            assertThat(InvoiceListBenchmark.ensureNoise(connection, organisationId, 30))
                    .isEqualTo(30);
            assertThat(InvoiceListBenchmark.ensureNoise(connection, organisationId, 30))
                    .as("added once")
                    .isEqualTo(30);
        }
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("analyze").update();
        String middling = InvoiceListBenchmark.middlingTerm(jdbc);
        long smallInvoices;
        var terms = java.util.List.of(InvoiceListBenchmark.COMMON_TERM, middling);
        try (var connection = dataSource.getConnection()) {
            smallInvoices = InvoiceListBenchmark.ensureSmall(connection, organisationId, 20, terms);
            assertThat(smallInvoices).isBetween(20L, 20L + 2 * InvoiceListBenchmark.SMALL_MATCHES);
        }
        long small = InvoiceListBenchmark.smallId(jdbc);
        var cases = new java.util.ArrayList<>(InvoiceListBenchmark.cases(jdbc, organisationId));
        cases.addAll(InvoiceListBenchmark.neighbourCases(middling, true));
        var console = new ConsoleClient("http://localhost:" + port);
        console.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        var smallConsole = new ConsoleClient("http://localhost:" + port);
        smallConsole.signIn(InvoiceListBenchmark.SMALL_OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        var run = new InvoiceListBenchmark.Run(
                        console, new ApiClient("http://localhost:" + port, console.makeApiToken("invoice bench test")))
                .withSmall(
                        smallConsole,
                        new ApiClient("http://localhost:" + port, smallConsole.makeApiToken("small bench test")));

        for (var each : cases) {
            long matches = run.once(each)[0];
            String query = each.query();
            boolean everything = query.isEmpty() || query.startsWith("page=");
            if (each.surface() != InvoiceListBenchmark.Surface.CONSOLE && everything) {
                assertThat(matches).as(each.toString()).isEqualTo(each.small() ? smallInvoices : invoices);
            }
            if (query.matches("q=[a-z]{1,2}") && each.surface() != InvoiceListBenchmark.Surface.CONSOLE) {
                // Each organisation's own matches, never another's (the small one's terms are the large one's).
                long own = InvoiceListBenchmark.containing(
                        jdbc, each.small() ? small : organisationId, query.substring(2));
                if (own <= 1_000 || each.surface() == InvoiceListBenchmark.Surface.TOTALS) {
                    assertThat(matches).as(each.toString()).isEqualTo(own);
                }
            }
        }
        assertThat(invoices).isPositive();
    }
}
