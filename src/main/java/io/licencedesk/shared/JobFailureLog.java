package io.licencedesk.shared;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.ErrorHandler;

/**
 * What the log says of a background job that fails. While the database is away every job fails at each turn (the mail
 * dispatcher every second), and the scheduler wrote each failure with its stack trace: pages of one trace, hiding
 * everything else. A job that fails because the database cannot be reached now says so in one WARN line with the
 * cause in a few words, again only every {@link #REMINDER} while it still fails so, and in one INFO line when it works
 * again. Any other failure is logged at ERROR with its stack trace, as the scheduler did. Spring's job metric
 * ({@code tasks_scheduled_execution_seconds}, outcome ERROR) counts every failed run all the same: it is taken before
 * the scheduler hands the failure here.
 *
 * <p>The scheduler gives its error handler the failure alone. An {@code @Scheduled} job's name and its successful runs
 * come from Spring's observation of each run, which ends, on the same thread, just before the handler is called. A
 * task that is not an {@code @Scheduled} method (none of ours is; a library may schedule one) is named after the first
 * of its stack frames outside the scheduler; nothing says when it works again, so that is not logged, and its WARN
 * comes again only after the reminder's wait.
 */
final class JobFailureLog implements ErrorHandler, ObservationHandler<ScheduledTaskObservationContext> {

    static final Duration REMINDER = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(JobFailureLog.class);

    private final Clock clock;

    /** The jobs failing for want of the database: since when, and when that was last logged. */
    private final Map<String, Outage> waitingForTheDatabase = new ConcurrentHashMap<>();

    /** The run that has just failed on this thread, for the error handler called next to name it. */
    private final ThreadLocal<ScheduledTaskObservationContext> failedRun = new ThreadLocal<>();

    JobFailureLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStop(ScheduledTaskObservationContext run) {
        if (run.getError() != null) {
            failedRun.set(run);
            return;
        }
        Outage ended = waitingForTheDatabase.remove(name(run));
        if (ended != null) {
            log.info(
                    "Job {} works again: the database can be reached (it could not since {})",
                    name(run),
                    ended.since());
        }
    }

    @Override
    public void handleError(Throwable failure) {
        ScheduledTaskObservationContext run = failedRun.get();
        failedRun.remove();
        String job = run != null && run.getError() == failure ? name(run) : nameFromStack(failure);
        if (!DatabaseFailures.unreachable(failure)) {
            log.error("Job {} failed", job, failure);
            return;
        }
        // a job runs on one thread at a time, so no two threads write its entry at once
        Instant now = clock.instant();
        Outage outage = waitingForTheDatabase.get(job);
        if (outage == null) {
            waitingForTheDatabase.put(job, new Outage(now, now));
            log.warn(
                    "Job {} failed: the database cannot be reached ({}). Said once until the job works again,"
                            + " or again in {} minutes",
                    job,
                    DatabaseFailures.inOneLine(failure),
                    REMINDER.toMinutes());
        } else if (!now.isBefore(outage.said().plus(REMINDER))) {
            waitingForTheDatabase.put(job, new Outage(outage.since(), now));
            log.warn(
                    "Job {} still fails: the database cannot be reached since {} ({})",
                    job,
                    outage.since(),
                    DatabaseFailures.inOneLine(failure));
        }
    }

    private static String name(ScheduledTaskObservationContext run) {
        return ClassUtils.getUserClass(run.getTargetClass()).getSimpleName() + "."
                + run.getMethod().getName();
    }

    /** The first frame, from the thread's start, that is neither the JDK's nor the scheduler's. */
    private static String nameFromStack(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        for (int i = frames.length - 1; i >= 0; i--) {
            String type = frames[i].getClassName();
            if (!type.startsWith("java.")
                    && !type.startsWith("jdk.")
                    && !type.startsWith("sun.")
                    && !type.startsWith("io.micrometer.")
                    && !type.startsWith("org.springframework.scheduling.")) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                int generated = simple.indexOf("$$");
                return (generated < 0 ? simple : simple.substring(0, generated)) + "." + frames[i].getMethodName();
            }
        }
        return "(a scheduled task)";
    }

    private record Outage(Instant since, Instant said) {}
}
