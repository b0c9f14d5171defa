package io.licencedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * The device benchmark at a small scale, so that it keeps working: the same licence generator, benchmark
 * screens, screens file and sample check-ins as {@code bench/run-device.sh}, on 2,000 licences and 100
 * screens. wrk itself is not run here (it is a Debian package the build cannot count on); its script reads
 * the screens file this checks. Nothing is timed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeviceBenchmarkTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class BenchDatabase {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres benchPostgres() throws IOException {
            return BenchPostgres.startForContext(Files.createTempDirectory("device-bench-pg"));
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

    @Test
    void everyBenchmarkScreenChecksInWithASignedAnswer() throws Exception {
        List<DeviceBenchData.BenchScreen> screens;
        try (var connection = dataSource.getConnection()) {
            new BenchData(7, LocalDate.now(clock)).load(connection, 2_000, 200, false);
            screens = DeviceBenchData.ensure(connection, 1_000);
        }
        try (var connection = dataSource.getConnection()) {
            assertThat(DeviceBenchData.ensure(connection, 1_000))
                    .as("a second run reuses the screens")
                    .isEqualTo(screens);
        }
        var jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select count(distinct licence_id) from screen")
                        .query(Long.class)
                        .single())
                .isEqualTo(1_000);

        String answers = DeviceBenchmark.checkSample("http://localhost:" + port, screens);

        assertThat(answers).contains("valid=").contains("EXPIRED=").doesNotContain("NOT_ACTIVATED");
        Path file = DeviceBenchData.writeScreensFile(screens, Files.createTempFile("device-screens", ".txt"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1_000);
        assertThat(lines).allMatch(line -> line.matches("lds_[A-Za-z0-9_-]{43} bench-device-\\d+"));
        assertThat(Wrk.millis("850.00us")).isEqualTo(0.85);
        assertThat(Wrk.millis("1.23ms")).isEqualTo(1.23);
        assertThat(Wrk.millis("2.00s")).isEqualTo(2000);
    }
}
