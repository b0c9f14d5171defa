package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.SettingRefusedException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.mock.env.MockEnvironment;

/**
 * The failure analyses an operator reads when a node does not start, for the failures of a first install: the causes
 * wrapped as the application wraps them (Flyway reading the database's metadata, a bean's constructor).
 */
class StartFailureAnalyzersTests {

    private static final String URL = "jdbc:postgresql://db.example.com:5432/licencedesk";

    private final StartFailureAnalyzers.DatabaseUnreachable database =
            new StartFailureAnalyzers.DatabaseUnreachable(new MockEnvironment()
                    .withProperty("spring.datasource.url", URL)
                    .withProperty("spring.datasource.username", "licencedesk")
                    .withProperty("spring.datasource.password", "not to be printed"));

    @Test
    void aWrongPasswordNamesTheAccountAndTheTwoSettings() {
        var analysis = database.analyze(asFlywaySeesIt(new PSQLException(
                "FATAL: password authentication failed for user \"licencedesk\"", PSQLState.INVALID_PASSWORD)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains(URL + " as licencedesk")
                .contains("password authentication failed")
                .doesNotContain("not to be printed");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void aDatabaseThatDoesNotAnswerPointsAtTheUrlAndSaysTheNodeDoesNotWait() {
        var analysis = database.analyze(asFlywaySeesIt(new PSQLException(
                "Connection to db.example.com:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"))));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(URL, "refused");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "does not wait", "Restart=on-failure");
    }

    @Test
    void aDatabaseNotCreatedYetSaysToCreateIt() {
        var analysis = database.analyze(
                asFlywaySeesIt(new SQLException("FATAL: database \"licencedesk\" does not exist", "3D000")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("Create the database");
    }

    @Test
    void anSqlErrorOnAReachableDatabaseIsLeftToItsStackTrace() {
        var analysis = database.analyze(asFlywaySeesIt(new SQLException("relation \"x\" does not exist", "42P01")));

        assertThat(analysis).isNull();
    }

    @Test
    void aRefusedSettingIsReportedByItsOwnMessage() {
        String message = "LICENCEDESK_KEY_ENCRYPTION_KEY is not set. It encrypts the device signing keys.";
        var analysis = new StartFailureAnalyzers.RefusedSetting()
                .analyze(new BeanCreationException(
                        "keyEncryption", "Failed to instantiate", new SettingRefusedException(message)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(message);
        assertThat(analysis.getAction()).contains("docs/operations.md");
    }

    private static Exception asFlywaySeesIt(SQLException cause) {
        return new BeanCreationException(
                "flyway",
                "Failed to instantiate [org.flywaydb.core.Flyway]",
                new IllegalStateException(new MetaDataAccessException(
                        "Could not get Connection for extracting meta-data",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", cause))));
    }
}
