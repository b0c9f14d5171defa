package io.licencedesk.shared;

import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (the mail dispatcher, the renewal cycle) run unless switched off, as some tests do to drive them by
 * hand. A job marked {@code @SchedulerLock} runs on one node at a time: the lock is a row of the {@code shedlock}
 * table, timed by the database's clock so that nodes whose clocks differ agree (decision 0049). A failing job is
 * logged by {@link JobFailureLog}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@ConditionalOnProperty(name = "licencedesk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

    /**
     * One place for what every job's failure writes to the log: a job that cannot reach the database is one line, not
     * a stack trace at each turn ({@link JobFailureLog}). It is the scheduler's error handler and, to hear of the jobs'
     * successful runs, an observation handler (Spring Boot registers it with the observation registry).
     */
    @Bean
    JobFailureLog jobFailureLog(Clock clock) {
        return new JobFailureLog(clock);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer jobFailuresLoggedByJobFailureLog(JobFailureLog failures) {
        return scheduler -> scheduler.setErrorHandler(failures);
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
