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
 * The client history benchmark at a small scale, so that it keeps working: the same data (a big client, a client
 * without entries, a client with the oldest licences, an audit log written in order), cases, sign-in and requests as
 * {@code bench/run-audit-history.sh}, on 200 licences in a PostgreSQL of its own. It checks the shapes and that every
 * case answers, never the clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"licencedesk.dashboard.tally-compaction=PT1H", "bench.context=audit-history"})
@ActiveProfiles("test")
@Import(MainListBenchmarkTests.BenchDatabase.class)
class AuditHistoryBenchmarkTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Test
    void everyCaseAnswersAndEachClientHasTheShapeItIsNamedFor() throws Exception {
        var jdbc = JdbcClient.create(dataSource);
        try (var connection = dataSource.getConnection()) {
            new BenchData(13, LocalDate.now(clock)).load(connection, 200, 60, false);
        }
        long organisationId = ExportBenchmark.organisationId(jdbc);
        long big = AuditHistoryBenchData.ensureBigClient(jdbc, organisationId, 40);
        try (var connection = dataSource.getConnection()) {
            DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now(clock));
        }
        long entries = AuditHistoryBenchData.ensureEntries(jdbc, organisationId, 5_000);
        assertThat(entries).isBetween(4_000L, 6_000L);
        assertThat(AuditHistoryBenchData.ensureEntries(jdbc, organisationId, 5_000))
                .as("written once")
                .isEqualTo(entries);
        var shapes = AuditHistoryBenchData.clients(jdbc, organisationId, big, 20);
        assertThat(licences(jdbc, shapes.big())).isEqualTo(40);
        assertThat(licences(jdbc, shapes.old())).isEqualTo(20);
        assertThat(licences(jdbc, shapes.empty())).isZero();
        assertThat(licences(jdbc, shapes.small())).isBetween(1L, 3L);

        var console = new ConsoleClient("http://localhost:" + port);
        console.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        var cases = AuditHistoryBenchmark.cases(console, shapes);
        for (var each : cases) {
            AuditHistoryBenchmark.once(console, each);
        }
        assertThat(cases).hasSize(10);
        assertThat(cases)
                .filteredOn(each -> each.name().endsWith("page 10"))
                .singleElement()
                .satisfies(each -> assertThat(each.address()).contains("after="));
        assertThat(console.get("/clients/" + shapes.big()).body()).contains("older-history");
        assertThat(console.get("/clients/" + shapes.empty()).body()).doesNotContain("older-history");
    }

    private static long licences(JdbcClient jdbc, long clientId) {
        return jdbc.sql("select count(*) from licence where client_id = ?")
                .param(clientId)
                .query(Long.class)
                .single();
    }
}
