package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.MovableClock;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** The lines ShedLock and HikariCP write, as they write them, while the database is away and otherwise. */
@ExtendWith(OutputCaptureExtension.class)
class LibraryOutageLogTests {

    private final MovableClock clock = new MovableClock();

    private final LibraryOutageLog filter = LibraryOutageLog.installed(clock);

    private final Logger shedLock = LoggerFactory.getLogger(LibraryOutageLog.SHEDLOCK);

    private final Logger pooledConnection = LoggerFactory.getLogger(LibraryOutageLog.POOLED_CONNECTION);

    @AfterEach
    void uninstall() {
        filter.close();
    }

    @Test
    void dropsShedLocksTraceWhenItsLockCannotReachTheDatabase(CapturedOutput output) {
        shedLock.error(
                "Unexpected exception",
                new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        assertThat(output).doesNotContain("Unexpected exception", "\tat ");
    }

    @Test
    void keepsShedLocksTraceForAnyOtherFailure(CapturedOutput output) {
        shedLock.error(
                "Unexpected exception",
                new BadSqlGrammarException("lock", "insert into shedlock", new SQLException("no table", "42P01")));

        assertThat(output).contains("Unexpected exception", "BadSqlGrammarException", "\tat ");
    }

    @Test
    void saysThePoolsBrokenConnectionsInOneLineEveryFifteenMinutes(CapturedOutput output) {
        for (int connection = 0; connection < 10; connection++) {
            brokenConnection("08006");
        }

        assertThat(output)
                .contains("HikariPool-1 drops broken connections to the database"
                        + " (SQLException: An I/O error occurred while sending to the backend.)."
                        + " Said again in 15 minutes if it goes on")
                .doesNotContain("marked as broken", "\tat ");
        assertThat(output.getAll().lines().filter(line -> line.contains("WARN")))
                .hasSize(1);

        clock.advance(JobFailureLog.REMINDER.minusSeconds(1));
        brokenConnection("08006");
        assertThat(output.getAll().lines().filter(line -> line.contains("WARN")))
                .hasSize(1);
        clock.advance(java.time.Duration.ofSeconds(1));
        brokenConnection("08006");
        assertThat(output.getAll().lines().filter(line -> line.contains("WARN")))
                .hasSize(2);
    }

    @Test
    void keepsThePoolsTraceWhenTheDatabaseAnsweredWithAnotherFailure(CapturedOutput output) {
        brokenConnection("XX000");

        assertThat(output).contains("marked as broken because of SQLSTATE(XX000)", "\tat ");
    }

    @Test
    void countsTheIdleConnectionsThatFailTheirCheckAsThePoolsBrokenConnections(CapturedOutput output) {
        brokenConnection("57P01");
        for (int connection = 0; connection < 9; connection++) {
            LoggerFactory.getLogger(LibraryOutageLog.POOL)
                    .warn(
                            "{} - Failed to validate connection {} ({}). Possibly consider using a shorter maxLifetime"
                                    + " value.",
                            "HikariPool-1",
                            "org.postgresql.jdbc.PgConnection@1b2c3d",
                            "This connection has been closed.");
        }

        assertThat(output.getAll().lines().filter(line -> line.contains("WARN")))
                .singleElement()
                .asString()
                .contains("HikariPool-1 drops broken connections to the database (SQLException: An I/O error");
    }

    @Test
    void dropsTheRollbacksTraceWhenTheTransactionLostItsDatabase(CapturedOutput output) {
        Logger transactions = LoggerFactory.getLogger(LibraryOutageLog.TRANSACTION_TEMPLATE);
        transactions.error(
                "Application exception overridden by rollback exception",
                new CannotGetJdbcConnectionException("lock", new SQLException("terminating connection", "57P01")));
        assertThat(output).doesNotContain("overridden", "\tat ");

        transactions.error(
                "Application exception overridden by rollback exception", new IllegalStateException("a bug"));
        assertThat(output).contains("overridden", "IllegalStateException: a bug", "\tat ");
    }

    private void brokenConnection(String sqlState) {
        SQLException failure = new SQLException("An I/O error occurred while sending to the backend.", sqlState);
        pooledConnection.warn(
                "{} - Connection {} marked as broken because of SQLSTATE({}), ErrorCode({})",
                "HikariPool-1",
                "org.postgresql.jdbc.PgConnection@1b2c3d",
                sqlState,
                0,
                failure);
    }
}
