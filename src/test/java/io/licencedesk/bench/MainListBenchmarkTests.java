package io.licencedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.bench.BenchData.Row;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The main-list benchmark at a small scale, so that it keeps working: the same generator, cases, HTTP
 * driver and auto_explain read-back as {@code bench/run.sh}, on 2,000 licences, for the console's page and the
 * REST API's list, and the token-vs-session pair. It checks every page against the generated data and never looks
 * at the clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "licencedesk.api.rate-limit=1000000")
@ActiveProfiles("test")
class MainListBenchmarkTests {

    private static final Pattern COUNT = Pattern.compile("id=\"licence-count\"[^>]*>([^<]+)<");

    @TestConfiguration(proxyBeanMethods = false)
    static class BenchDatabase {

        @Bean
        Path benchDataDirectory() throws IOException {
            return Files.createTempDirectory("bench-pg");
        }

        @Bean(destroyMethod = "close")
        EmbeddedPostgres benchPostgres(Path benchDataDirectory) throws IOException {
            return BenchPostgres.startForContext(benchDataDirectory);
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres benchPostgres) {
            var pool = new HikariDataSource();
            pool.setJdbcUrl(benchPostgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(10);
            return pool;
        }
    }

    @LocalServerPort
    int port;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    Path benchDataDirectory;

    private static final int LICENCES = 2_000;

    /** Loaded once for the class (the context, and so the database, is shared by its tests). */
    private static BenchData.Loaded data;

    private List<BenchCase> cases() throws Exception {
        if (data == null) {
            try (var connection = dataSource.getConnection()) {
                data = new BenchData(7, LocalDate.now(clock)).load(connection, LICENCES, 200, true);
            }
        }
        long deepId = data.rows().get(data.rows().size() / 10).id();
        List<Row> newestFirst = data.rows().stream()
                .sorted(Comparator.comparingLong(Row::id).reversed())
                .toList();
        long lastPageAfterId =
                newestFirst.get(BenchCases.lastPageStart(LICENCES) - 1).id();
        String someCode = data.rows().get(1_000).couponCode();
        return BenchCases.of(data, deepId, lastPageAfterId, someCode);
    }

    @Test
    void everyCaseShowsTheLicencesItShouldAndIsTimedAndExplained() throws Exception {
        List<BenchCase> cases = cases();
        var client = new ConsoleClient("http://localhost:" + port);
        client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        var run = new MainListRun(
                client, new PlanLog(dataSource, benchDataDirectory), benchDataDirectory.resolve("plans"));

        for (BenchCase benchCase : cases) {
            List<String> codes = run.codes(benchCase);
            assertThat(codes.size()).as(benchCase.name()).isLessThanOrEqualTo(BenchCase.PAGE_SIZE);
            if (benchCase.byId()) {
                assertThat(codes).as(benchCase.name()).isEqualTo(benchCase.expectedCodes(data.rows()));
            } else {
                assertThat(codes).as(benchCase.name()).hasSize(Math.min(BenchCase.PAGE_SIZE, (int)
                        benchCase.expectedCount(data.rows())));
            }
            if (benchCase.page() == BenchCase.Page.FIRST) {
                assertThat(count(run.body(benchCase)))
                        .as(benchCase.name())
                        .isEqualTo(benchCase.expectedCount(data.rows()));
            }
        }
        assertThat(cases)
                .as("the check is not vacuous")
                .filteredOn(c -> !c.name().contains("no match") && !c.name().equals("rare word + user"))
                .allSatisfy(c ->
                        assertThat(c.expectedCount(data.rows())).as(c.name()).isPositive());

        var results = run.run(cases, 0, Duration.ZERO, 2, 1);
        var weight = run.weight(cases.get(0));
        MainListRun.print(results, weight, System.out);
        assertThat(weight.moreRows()).as("rows at size 100").isEqualTo(100);
        assertThat(weight.perRow()).as("bytes per row").isPositive();
        assertThat(results).hasSameSizeAs(cases).allSatisfy(result -> {
            assertListExplained(result);
            assertThat(result.pgCount()).as(result.benchCase().name()).isPositive();
            assertThat(result.pgAll()).isGreaterThanOrEqualTo(result.pgList());
            assertThat(result.server()).as("time at the server").isPositive();
        });
    }

    @Test
    void theApiAnswersEveryCaseWithTheSameLicencesWithATokenMadeOnTheConsolePage() throws Exception {
        List<BenchCase> cases = cases();
        var client = new ConsoleClient("http://localhost:" + port);
        client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        String token = client.makeApiToken("bench test");
        assertThat(token).startsWith("ldk_live_");
        var api = new ApiClient("http://localhost:" + port, token);
        var run = new MainListRun(
                ListSurface.api(api),
                client,
                new PlanLog(dataSource, benchDataDirectory),
                benchDataDirectory.resolve("plans-api"));

        for (BenchCase benchCase : cases) {
            var page = ListSurface.Api.page(run.body(benchCase));
            List<String> codes = run.surface().codes(page.toString());
            if (benchCase.byId()) {
                assertThat(codes).as(benchCase.name()).isEqualTo(benchCase.expectedApiCodes(data.rows()));
            } else {
                assertThat(codes).as(benchCase.name()).hasSize(Math.min(BenchCase.PAGE_SIZE, (int)
                        benchCase.expectedCount(data.rows())));
            }
            assertThat(page.path("count").asLong())
                    .as(benchCase.name())
                    .isEqualTo(benchCase.expectedCount(data.rows()));
        }

        // The deep and last pages' cursors are the ones a program gets by following nextCursor from the first page.
        List<String> walked = new ArrayList<>();
        String path = cases.get(0).apiPath();
        List<String> lastCodes;
        while (true) {
            var page = ListSurface.Api.page(api.get(path).body());
            lastCodes = run.surface().codes(page.toString());
            if (!page.path("hasMore").asBoolean()) {
                break;
            }
            String next = page.path("nextCursor").asString();
            walked.add(next);
            path = cases.get(0).apiPath() + "&after=" + next;
        }
        assertThat(walked).hasSize(LICENCES / BenchCase.PAGE_SIZE - 1);
        BenchCase deep = byName(cases, "deep page (row 90%)");
        BenchCase last = byName(cases, "last page");
        assertThat(walked).contains(BenchCase.cursor(deep.cursorId()));
        assertThat(walked.get(walked.size() - 1)).isEqualTo(BenchCase.cursor(last.cursorId()));
        assertThat(lastCodes).isEqualTo(last.expectedApiCodes(data.rows())).isEqualTo(last.expectedCodes(data.rows()));

        var results = run.run(cases, 0, Duration.ZERO, 2, 1);
        var weight = run.weight(cases.get(0));
        MainListRun.print(results, weight, "JSON", System.out);
        assertThat(weight.moreRows()).as("rows at limit 100").isEqualTo(100);
        assertThat(results).hasSameSizeAs(cases).allSatisfy(result -> {
            assertListExplained(result);
            assertThat(result.server()).as("time at the server").isPositive();
        });
    }

    /** The page query is explained, except where the count found nothing and it was not run. */
    private static void assertListExplained(MainListRun.Result result) {
        if (result.rows() == 0) {
            assertThat(result.pgList()).as(result.benchCase().name()).isZero();
        } else {
            assertThat(result.pgList()).as(result.benchCase().name()).isPositive();
        }
    }

    @Test
    void aTokenAndASessionAreTimedOnTheSameSearch() throws Exception {
        cases();
        var client = new ConsoleClient("http://localhost:" + port);
        client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        var api = new ApiClient("http://localhost:" + port, client.makeApiToken("bench test, auth"));
        var pair = new TokenVsSession(
                client,
                api,
                new PlanLog(dataSource, benchDataDirectory),
                MainListBenchmark.clientEmail(JdbcClient.create(dataSource)));

        assertThat(pair.sessionIds()).hasSize(1).isEqualTo(pair.tokenIds());
        var result = pair.run(2, 4, 1);
        TokenVsSession.print(result, 4, System.out);
        assertThat(result.rows()).isEqualTo(1);
        assertThat(result.sessionServer()).as("session at the server").isPositive();
        assertThat(result.tokenServer()).as("token at the server").isPositive();
        assertThat(result.tokenPgCount()).as("the API's count, explained").isPositive();
        assertThat(result.tokenPg()).isGreaterThan(result.tokenPgCount());
        assertThat(result.sessionPg()).as("the session's statements").isPositive();
    }

    private static BenchCase byName(List<BenchCase> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The count the page states ("1 licence", "1,234 licences", "More than 1,000 licences"). */
    private static long count(String page) {
        var matcher = COUNT.matcher(page);
        assertThat(matcher.find()).as("a count on the page").isTrue();
        String text = matcher.group(1).trim();
        if (text.startsWith("More than")) {
            return BenchCase.COUNT_LIMIT + 1;
        }
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }
}
