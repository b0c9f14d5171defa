package io.licencedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * The main-list benchmark at a small scale, so that it keeps working: the same generator, cases, HTTP
 * driver and auto_explain read-back as {@code bench/run.sh}, on 2,000 licences. It checks every page
 * against the generated data and never looks at the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    @Autowired
    DataSource dataSource;

    @Autowired
    Path benchDataDirectory;

    @Test
    void everyCaseShowsTheLicencesItShouldAndIsTimedAndExplained() throws Exception {
        BenchData.Loaded data;
        try (var connection = dataSource.getConnection()) {
            data = new BenchData(7, LocalDate.now()).load(connection, 2_000, 200, true);
        }
        long deepId = data.rows().get(data.rows().size() / 10).id();
        String someCode = data.rows().get(1_000).couponCode();
        List<BenchCase> cases = BenchCases.of(data, deepId, someCode);
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
            assertThat(result.pgList()).as(result.benchCase().name()).isPositive();
            assertThat(result.pgAll()).isGreaterThanOrEqualTo(result.pgList());
            assertThat(result.server()).as("time at the server").isPositive();
        });
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
