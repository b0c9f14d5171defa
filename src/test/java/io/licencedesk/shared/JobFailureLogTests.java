package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.MovableClock;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * A job's runs as the scheduler reports them: Spring's observation of the run ends (with the failure, if any), then a
 * failure goes to the scheduler's error handler.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobFailureLogTests {

    private final MovableClock clock = new MovableClock();

    private final JobFailureLog failures = new JobFailureLog(clock);

    @Test
    void saysOnceThatAJobCannotReachTheDatabaseAndOnceThatItWorksAgain(CapturedOutput output) throws Exception {
        for (int turn = 0; turn < 5; turn++) {
            fails(databaseAway());
        }
        assertThat(count(output, "WARN")).isEqualTo(1);
        assertThat(output)
                .contains("Job Dispatcher.dispatchDue failed: the database cannot be reached"
                        + " (ConnectException: Connection refused)")
                .doesNotContain("\tat ", "CannotGetJdbcConnectionException");

        works();
        works();
        assertThat(count(output, "INFO")).isEqualTo(1);
        assertThat(output).contains("Job Dispatcher.dispatchDue works again: the database can be reached");

        fails(databaseAway());
        assertThat(count(output, "WARN")).as("a new outage is said again").isEqualTo(2);
    }

    @Test
    void remindsEveryFifteenMinutesWhileTheDatabaseStaysAway(CapturedOutput output) throws Exception {
        fails(databaseAway());
        clock.advance(JobFailureLog.REMINDER.minusSeconds(1));
        fails(databaseAway());
        assertThat(count(output, "WARN")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        fails(databaseAway());
        fails(databaseAway());
        assertThat(count(output, "WARN")).isEqualTo(2);
        assertThat(output).contains("Job Dispatcher.dispatchDue still fails: the database cannot be reached since");
    }

    @Test
    void logsAnyOtherFailureWithItsStackTraceEachTime(CapturedOutput output) throws Exception {
        fails(new IllegalStateException("a bug"));
        fails(new IllegalStateException("a bug"));

        assertThat(count(output, "ERROR")).isEqualTo(2);
        assertThat(output)
                .contains("Job Dispatcher.dispatchDue failed", "java.lang.IllegalStateException: a bug", "\tat ")
                .doesNotContain("works again");
        works();
        assertThat(output).doesNotContain("works again");
    }

    @Test
    void keepsEachJobApart(CapturedOutput output) throws Exception {
        fails(databaseAway());
        var other = new ScheduledTaskObservationContext(new Dispatcher(), Dispatcher.class.getMethod("flush"));
        other.setError(databaseAway());
        failures.onStop(other);
        failures.handleError(other.getError());

        assertThat(count(output, "WARN")).isEqualTo(2);
        assertThat(output).contains("Job Dispatcher.flush failed");
    }

    /** A task that is not an @Scheduled method is not observed: it is named after its own stack frames. */
    @Test
    void namesATaskWithoutObservationAfterItsCode(CapturedOutput output) {
        RuntimeException failure = databaseAway();
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.springframework.jdbc.core.JdbcTemplate", "update", null, 1),
            new StackTraceElement("org.example.SessionCleanUp$$SpringCGLIB$$0", "cleanUp", null, 1),
            new StackTraceElement(
                    "org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", null, 1),
            new StackTraceElement("java.lang.Thread", "run", null, 1)
        });
        failures.handleError(failure);

        assertThat(output).contains("Job SessionCleanUp.cleanUp failed: the database cannot be reached");
    }

    private void fails(Throwable failure) throws Exception {
        var run = run();
        run.setError(failure);
        failures.onStop(run);
        failures.handleError(failure);
    }

    private void works() throws Exception {
        failures.onStop(run());
    }

    private static ScheduledTaskObservationContext run() throws Exception {
        return new ScheduledTaskObservationContext(new Dispatcher(), Dispatcher.class.getMethod("dispatchDue"));
    }

    private static RuntimeException databaseAway() {
        return new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 5000ms.",
                        new ConnectException("Connection refused")));
    }

    private static long count(CapturedOutput output, String level) {
        return Pattern.compile("\\b" + level + "\\b.*JobFailureLog")
                .matcher(output.getAll())
                .results()
                .count();
    }

    public static class Dispatcher {
        public void dispatchDue() {}

        public void flush() {}
    }
}
