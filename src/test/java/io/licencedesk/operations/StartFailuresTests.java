package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.Inbox;
import io.licencedesk.support.NodeProcess;
import io.licencedesk.support.PostgresTestConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that cannot start says why in a few lines an operator can act on (Spring Boot's "APPLICATION FAILED TO
 * START" analysis), not in the nested stack traces of some 150 lines a first install showed, and exits with an error
 * code so that the service manager sees it. The node runs as a separate JVM, as an operator starts it.
 */
class StartFailuresTests {

    @TempDir
    Path work;

    @Test
    void aDatabaseThatDoesNotAnswerIsNamedWithWhatToCheck() {
        int nothingListens = Inbox.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + nothingListens + "/licencedesk";

        String log = NodeProcess.named("database-down", work).database(url).failsToStart();

        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .contains("The node could not connect to the database " + url + " as postgres")
                .contains("Check SPRING_DATASOURCE_URL");
        assertNoStackTrace(log);
    }

    @Test
    void aFirstOwnerPasswordThatThePagesWouldRefuseStopsTheStartOnAnEmptyDatabase() throws Exception {
        String log = NodeProcess.named("short-password", work)
                .database(PostgresTestConfiguration.newDatabase())
                .environment("LICENCEDESK_FIRST_OWNER_EMAIL", "owner@example.test")
                .environment("LICENCEDESK_FIRST_OWNER_PASSWORD", "9-letters")
                .failsToStart();

        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .contains("LICENCEDESK_FIRST_OWNER_PASSWORD is refused: Use at least 10 characters.");
        assertNoStackTrace(log);
    }

    /**
     * Set up for production (no demo data) but without SPRING_DATASOURCE_URL, a node started on an embedded H2 file
     * of its own under ./data, created the first owner there and served: a second node did the same in its own file.
     */
    @Test
    void aProductionNodeWithoutItsDatabaseUrlDoesNotStartOnAnEmbeddedFileOfItsOwn() {
        String log = NodeProcess.named("no-database-url", work)
                .environment("LICENCEDESK_FIRST_OWNER_EMAIL", "owner@example.test")
                .environment("LICENCEDESK_FIRST_OWNER_PASSWORD", "a-long-Owner-password-1")
                .failsToStart();

        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .contains("SPRING_DATASOURCE_URL is not set, and LICENCEDESK_DEMO_ENABLED is false")
                .contains("Set SPRING_DATASOURCE_URL to the PostgreSQL database")
                .doesNotContain("Created the first owner");
        assertNoStackTrace(log);
        assertThat(work.resolve("data")).as("no embedded database file is made").doesNotExist();
    }

    /**
     * A blank SPRING_DATASOURCE_URL (a compose file's "${DB_URL}" with DB_URL unset) is no URL either: Spring Boot would
     * start the node on an in-memory H2 of its own, which loses everything at each restart.
     */
    @Test
    void aBlankDatabaseUrlIsNoUrl() {
        String log = NodeProcess.named("blank-database-url", work)
                .environment("SPRING_DATASOURCE_URL", "")
                .environment("LICENCEDESK_FIRST_OWNER_EMAIL", "owner@example.test")
                .environment("LICENCEDESK_FIRST_OWNER_PASSWORD", "a-long-Owner-password-1")
                .failsToStart();

        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .contains("SPRING_DATASOURCE_URL is not set, and LICENCEDESK_DEMO_ENABLED is false")
                .doesNotContain("Created the first owner");
        assertNoStackTrace(log);
    }

    private static void assertNoStackTrace(String log) {
        assertThat(log).doesNotContain("\tat ").doesNotContain("Caused by:");
    }
}
