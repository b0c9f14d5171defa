package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A pool that refuses every connection, as HikariCP does after its timeout while the database is away. */
class OneConnectionWaitTests {

    private final Unreachable pool = new Unreachable();

    private final OneConnectionWait dataSource = new OneConnectionWait(pool);

    @Test
    void withinARequestAsksThePoolOnceAndFailsAtOnceAfter() throws Exception {
        try (var request = OneConnectionWait.during()) {
            assertThatThrownBy(dataSource::getConnection).isSameAs(pool.refusal);
            assertThatThrownBy(dataSource::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("Connection is not available")
                    .hasCause(pool.refusal);
            assertThat(pool.asked).isEqualTo(1);
        }
    }

    @Test
    void aRequestDispatchedWithinAnotherCountsAsThatRequest() throws Exception {
        try (var request = OneConnectionWait.during()) {
            try (var inner = OneConnectionWait.during()) {
                assertThatThrownBy(dataSource::getConnection).isSameAs(pool.refusal);
            }
            assertThatThrownBy(dataSource::getConnection).hasCause(pool.refusal);
            assertThat(pool.asked).isEqualTo(1);
        }
    }

    @Test
    void theNextRequestAndTheJobsAskAgain() throws Exception {
        try (var request = OneConnectionWait.during()) {
            assertThatThrownBy(dataSource::getConnection).isSameAs(pool.refusal);
        }
        try (var next = OneConnectionWait.during()) {
            assertThatThrownBy(dataSource::getConnection).isSameAs(pool.refusal);
        }
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.refusal);
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.refusal);
        assertThat(pool.asked).isEqualTo(4);
    }

    private static final class Unreachable extends AbstractDataSource {

        final SQLException refusal = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms.");

        int asked;

        @Override
        public Connection getConnection() throws SQLException {
            asked++;
            throw refusal;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
