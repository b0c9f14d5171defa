package io.licencedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard benchmark at a small scale, so that it keeps working: the same loader (its COPY goes through the
 * tally's triggers), invoices and check-ins, sign-in and check of {@code GET /} as {@code bench/run-dashboard.sh},
 * on 500 licences in a PostgreSQL of its own. It checks the figures against the tables, never the clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "licencedesk.dashboard.tally-compaction=PT1H")
@ActiveProfiles("test")
@Import(MainListBenchmarkTests.BenchDatabase.class)
class DashboardBenchmarkTests {

    private static final Pattern OVERDUE = Pattern.compile("Overdue: </span>€([\\d,.]+)</a>");
    private static final Pattern SEEN =
            Pattern.compile("Seen in the last 24 h</th>\\s*<td[^>]*><span data-value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Test
    void showsTheFiguresOfTheLoadedDataAtHome() throws Exception {
        long organisationId;
        long invoices;
        try (var connection = dataSource.getConnection()) {
            new BenchData(5, LocalDate.now(clock)).load(connection, 500, 40, false);
            organisationId = ExportBenchmark.organisationId(JdbcClient.create(dataSource));
            DeviceBenchData.ensure(connection, 20);
            invoices = DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now(clock));
            DashboardBenchData.recentCheckIns(connection);
        }
        var jdbc = JdbcClient.create(dataSource);
        long active = jdbc.sql("""
                        select count(*) from licence where organisation_id = ? and not paused
                          and activated_on is not null and ends_on >= current_date
                        """).param(organisationId).query(Long.class).single();
        long overdueMinor =
                jdbc.sql("""
                        select coalesce(sum(total_minor), 0) from invoice
                        where organisation_id = ? and status in ('ISSUED', 'SENT') and due_on < current_date
                        """).param(organisationId).query(Long.class).single();
        long seen = jdbc.sql("""
                        select count(*) from screen s join licence l on l.id = s.licence_id
                        where s.organisation_id = ? and s.removed_at is null and not l.paused
                          and l.activated_on is not null and l.ends_on >= current_date
                          and s.last_check_in_at >= now() - interval '24 hours'
                        """).param(organisationId).query(Long.class).single();
        var client = new ConsoleClient("http://localhost:" + port);
        client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);

        String page = DashboardBenchmark.check(client, active);

        assertThat(invoices).isPositive();
        try (var connection = dataSource.getConnection()) {
            assertThat(DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now(clock)))
                    .as("added once")
                    .isEqualTo(invoices);
        }
        var overdue = OVERDUE.matcher(page);
        assertThat(overdue.find()).isTrue();
        assertThat(overdue.group(1).replace(",", ""))
                .isEqualTo("%d.%02d".formatted(overdueMinor / 100, overdueMinor % 100));
        assertThat(overdueMinor).isPositive();
        var seenOnPage = SEEN.matcher(page);
        assertThat(seenOnPage.find()).isTrue();
        assertThat(Long.parseLong(seenOnPage.group(1))).isEqualTo(seen);
    }
}
