package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTests {

    @Test
    void aPooledConnectionWhoseDatabaseWentAwayIsTheDatabaseAway() {
        // What PostgreSQL's driver throws on a pooled connection after the server stopped, surfacing as the failed
        // rollback that overrides the statement's own failure (seen as a 500 before SQLSTATE class 08 was read)
        var io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseFailures.unreachable(new TransactionSystemException("JDBC rollback failed", io)))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("connection does not exist", "08003")))
                .isTrue();
    }

    @Test
    void aConnectionEndedByTheServerStoppingOrStartingIsTheDatabaseAway() {
        // What a pooled connection reads when PostgreSQL stops under it (pg_ctl stop -m fast), crashes or starts
        assertThat(DatabaseFailures.unreachable(
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("crash shutdown", "57P02")))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("canceling statement due to user request", "57014")))
                .isFalse();
    }

    @Test
    void noConnectionInTimeOrARefusedOneIsTheDatabaseAway() {
        assertThat(DatabaseFailures.unreachable(new SQLTransientConnectionException("timed out")))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        var unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("taken", unique)))
                .isFalse();
        assertThat(DatabaseFailures.unreachable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("a bug")))
                .isFalse();
    }
}
