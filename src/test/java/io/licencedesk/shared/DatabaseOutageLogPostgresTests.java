package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node whose own PostgreSQL stops while its jobs run, one of them behind a ShedLock lock as the renewal cycle is,
 * then starts again: the log says once per job that the database cannot be reached, without a stack trace (neither
 * the scheduler's, nor ShedLock's, nor HikariCP's), and once per job that it works again.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DatabaseOutageLogPostgresTests.OwnDatabaseAndJobs.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageLogPostgresTests {

    @Autowired
    OwnDatabaseAndJobs database;

    @Test
    void saysOnceWithoutAStackTraceThatTheDatabaseIsAwayAndOnceThatItIsBack(CapturedOutput output) throws Exception {
        await().until(() -> Jobs.lockedRuns.get() > 2);
        int before = output.length();

        database.stop();
        await().atMost(Duration.ofMinutes(1)).until(() -> since(output, before).contains("Job Jobs.locked failed"));
        int failedTurns = Jobs.attempts.get();
        await().atMost(Duration.ofMinutes(1)).until(() -> Jobs.attempts.get() > failedTurns + 5);

        String away = since(output, before);
        assertThat(away)
                .contains("Job Jobs.locked failed: the database cannot be reached (")
                .contains("Job Jobs.unlocked failed: the database cannot be reached (")
                .doesNotContain("\tat ", "Unexpected exception", "ERROR");
        assertThat(lines(away, "Job Jobs.locked failed")).isEqualTo(1);
        assertThat(lines(away, "Job Jobs.unlocked failed")).isEqualTo(1);
        assertThat(lines(away, "marked as broken")).isZero();
        assertThat(lines(away, "Failed to validate connection")).isZero();
        assertThat(lines(away, "drops broken connections to the database")).isLessThanOrEqualTo(1);

        database.start();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> since(output, before).contains("Job Jobs.locked works again"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> since(output, before).contains("Job Jobs.unlocked works again"));
        assertThat(since(output, before)).doesNotContain("\tat ");
    }

    private static String since(CapturedOutput output, int offset) {
        return output.getAll().substring(offset);
    }

    private static long lines(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).count();
    }

    static class Jobs {

        // static: the lock's proxy of this bean has fields of its own
        static final AtomicInteger lockedRuns = new AtomicInteger();

        static final AtomicInteger attempts = new AtomicInteger();

        private final JdbcTemplate jdbc;

        Jobs(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Scheduled(fixedDelay = 50)
        @SchedulerLock(name = "database-outage-log-test", lockAtMostFor = "PT1M")
        public void locked() {
            lockedRuns.incrementAndGet();
        }

        @Scheduled(fixedDelay = 50)
        public void unlocked() {
            attempts.incrementAndGet();
            jdbc.queryForObject("select 1", Integer.class);
        }
    }

    /** A PostgreSQL of this class's own, which the test stops and starts again on the same port and data. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabaseAndJobs implements DisposableBean {

        private final Path data;

        private final int port;

        private EmbeddedPostgres postgres;

        private boolean running;

        OwnDatabaseAndJobs() throws IOException {
            data = Files.createTempDirectory("outage-log");
            start();
            port = postgres.getPort();
        }

        void stop() throws IOException {
            postgres.close();
            running = false;
        }

        @Override
        public void destroy() throws IOException {
            if (running) {
                stop();
            }
        }

        void start() throws IOException {
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
            postgres = (postgres == null ? builder : builder.setPort(port)).start();
            running = true;
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setConnectionTimeout(250);
            return pool;
        }

        @Bean
        Jobs jobs(JdbcTemplate jdbc) {
            return new Jobs(jdbc);
        }
    }
}
