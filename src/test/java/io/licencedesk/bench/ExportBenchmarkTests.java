package io.licencedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The export benchmark at a small scale, so that it keeps working: the same loader, sign-in, HTTP download, psql
 * {@code \copy} and row count as {@code bench/run-export.sh}, on a few hundred licences. It checks rows, never the
 * clock. The psql half needs a psql client on the machine (CI installs none): without one it is skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MainListBenchmarkTests.BenchDatabase.class)
class ExportBenchmarkTests {

    private static final int LICENCES = 300;

    @LocalServerPort
    int port;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres benchPostgres;

    @TempDir
    Path files;

    private static boolean loaded;

    private ExportRun run() throws Exception {
        if (!loaded) {
            try (var connection = dataSource.getConnection()) {
                new BenchData(11, LocalDate.now(clock)).load(connection, LICENCES, 30, false);
            }
            loaded = true;
        }
        var client = new ConsoleClient("http://localhost:" + port);
        client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        long organisationId = ExportBenchmark.organisationId(JdbcClient.create(dataSource));
        return new ExportRun(client, ExportRun.findPsql(null).orElse(null), benchPostgres.getPort(), organisationId);
    }

    @Test
    void theHttpExportHoldsEveryLicenceAndIsTimedAndTheHeapIsRead() throws Exception {
        var run = run();
        Path file = files.resolve("http.csv");

        var http = run.http(ExportRun.FULL, file);

        assertThat(http.status()).isEqualTo(200);
        assertThat(http.bytes()).isEqualTo(Files.size(file)).isPositive();
        assertThat(http.firstByteNanos()).isPositive().isLessThanOrEqualTo(http.totalNanos());
        assertThat(ExportRun.dataRows(file)).isEqualTo(LICENCES);
        var filtered = run.http(ExportBenchmark.FILTERED, files.resolve("filtered.csv"));
        assertThat(ExportRun.dataRows(files.resolve("filtered.csv")))
                .as("the warm-up's subset")
                .isPositive()
                .isLessThan(LICENCES);
        assertThat(filtered.bytes()).isLessThan(http.bytes());
        var client = new ConsoleClient("http://localhost:" + port);
        assertThat(client.heapUsed(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD))
                .as("heap in use, from the actuator")
                .isPositive();
    }

    @Test
    void psqlCopiesTheSameRowsAsTheHttpExport() throws Exception {
        assumeTrue(ExportRun.findPsql(null).isPresent(), "no psql on this machine");
        var run = run();
        Path http = files.resolve("http.csv");
        Path psql = files.resolve("psql.csv");

        run.http(ExportRun.FULL, http);
        var copied = run.psql(psql);

        assertThat(copied.bytes()).isEqualTo(Files.size(psql)).isPositive();
        assertThat(copied.totalNanos()).isPositive();
        assertThat(ExportRun.dataRows(psql)).isEqualTo(ExportRun.dataRows(http)).isEqualTo(LICENCES);
        assertThat(Files.readAllLines(psql).get(0))
                .as("psql's header: the select's own columns")
                .startsWith("id,coupon_code,name,note");
    }

    @Test
    void theCsvRecordCountKeepsLineBreaksInsideQuotedCells() throws Exception {
        Path file = files.resolve("quoted.csv");
        Files.write(file, List.of("code,note", "A1,\"two\r\nlines\"", "B2,\"say \"\"hi\"\"\"", "C3,"));
        assertThat(ExportRun.dataRows(file)).isEqualTo(3);
        Files.writeString(file, "code,note\r\nA1,last row without a line end");
        assertThat(ExportRun.dataRows(file)).isEqualTo(1);
    }

    @Test
    void thePsqlSelectIsTheExportsOwnOnOneLine() {
        String select = ExportRun.select(42);
        assertThat(select)
                .startsWith("select l.id, l.coupon_code, l.name")
                .contains("from licence l join plan p on p.id = l.plan_id left join app_user u on u.id = l.client_id")
                .endsWith("where l.organisation_id = 42 order by l.id desc, l.id desc")
                .doesNotContain("\n");
    }
}
