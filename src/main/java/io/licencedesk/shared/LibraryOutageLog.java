package io.licencedesk.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * What libraries write while the database is away, said without their stack traces. ShedLock logs "Unexpected
 * exception" at ERROR with a trace each time it cannot take a job's lock, and Spring's {@code TransactionTemplate}
 * (ShedLock's and ours) "Application exception overridden by rollback exception" when the rollback fails too; both then
 * throw the failure on, to the job, whose failure {@link JobFailureLog} already says in one WARN line: their lines are
 * dropped. HikariCP writes a WARN with a trace for each pooled connection it finds broken, and a WARN for each idle
 * one that fails its check: they become one WARN line with the cause, said again at most every
 * {@link JobFailureLog#REMINDER}. Every event whose failure is not the database being unreachable
 * ({@link DatabaseFailures#unreachable}) stays as it was, so a real error keeps its trace.
 */
final class LibraryOutageLog extends TurboFilter implements AutoCloseable {

    static final String SHEDLOCK = "net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateStorageAccessor";

    static final String TRANSACTION_TEMPLATE = "org.springframework.transaction.support.TransactionTemplate";

    static final String POOLED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection";

    static final String POOL = "com.zaxxer.hikari.pool.PoolBase";

    /** HikariCP's line for an idle connection that fails its check, whose cause it gives as a message only. */
    private static final String VALIDATION_FAILED = "{} - Failed to validate connection {} ({})";

    private static final Logger log = LoggerFactory.getLogger(LibraryOutageLog.class);

    private final Clock clock;

    /** When the pool's broken connections were last said, null if never. */
    private final AtomicReference<Instant> poolSaid = new AtomicReference<>();

    private LibraryOutageLog(Clock clock) {
        this.clock = clock;
    }

    /** Filters every log event of the application from now until {@link #close()}. */
    static LibraryOutageLog installed(Clock clock) {
        LibraryOutageLog filter = new LibraryOutageLog(clock);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
        return filter;
    }

    @Override
    public void close() {
        stop();
        if (getContext() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(this);
        }
    }

    @Override
    public FilterReply decide(
            Marker marker,
            ch.qos.logback.classic.Logger logger,
            Level level,
            String format,
            Object[] params,
            Throwable thrown) {
        String name = logger.getName();
        if (name.equals(POOL)) {
            return format != null && format.startsWith(VALIDATION_FAILED) && params != null && params.length > 2
                    ? saidForThePool(logger, level, params[0], String.valueOf(params[2]))
                    : FilterReply.NEUTRAL;
        }
        if (!name.equals(SHEDLOCK) && !name.equals(TRANSACTION_TEMPLATE) && !name.equals(POOLED_CONNECTION)) {
            return FilterReply.NEUTRAL;
        }
        Throwable failure = thrown != null ? thrown : lastThrowable(params);
        if (failure == null || !DatabaseFailures.unreachable(failure)) {
            return FilterReply.NEUTRAL;
        }
        return name.equals(POOLED_CONNECTION)
                ? saidForThePool(logger, level, params == null ? null : params[0], DatabaseFailures.inOneLine(failure))
                : FilterReply.DENY;
    }

    private FilterReply saidForThePool(ch.qos.logback.classic.Logger logger, Level level, Object pool, String cause) {
        if (level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            sayPoolDropsConnections(pool, cause);
        }
        return FilterReply.DENY;
    }

    private void sayPoolDropsConnections(Object pool, String cause) {
        Instant now = clock.instant();
        Instant said = poolSaid.get();
        if ((said == null || !now.isBefore(said.plus(JobFailureLog.REMINDER))) && poolSaid.compareAndSet(said, now)) {
            log.warn(
                    "{} drops broken connections to the database ({}). Said again in {} minutes if it goes on",
                    pool == null ? "The connection pool" : pool,
                    cause,
                    JobFailureLog.REMINDER.toMinutes());
        }
    }

    /** SLF4J's convention: a throwable given after the message's arguments is the event's. */
    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable failure
                ? failure
                : null;
    }
}
