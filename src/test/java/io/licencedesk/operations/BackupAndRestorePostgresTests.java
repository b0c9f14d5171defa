package io.licencedesk.operations;

import static io.licencedesk.operations.RestoreTestPostgres.DATABASE;
import static io.licencedesk.operations.RestoreTestPostgres.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.ApplicationNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/operations.md's backup and restore, run as written: the application works on a PostgreSQL database owned by
 * an account without superuser rights, is stopped, the database is dumped with pg_dump in its custom format and
 * restored with pg_restore into a fresh server, and the application started on the copy finds everything: the same
 * rows, sequences, indexes and Flyway history, a person still signed in, and it works on (a sign-in, a new licence).
 * PostgreSQL 15 because Debian 12's client programs are 15's, which refuse a newer server (decision 0060).
 */
class BackupAndRestorePostgresTests {

    private static final int POSTGRES_MAJOR_VERSION = 15;
    private static final String OWNER_EMAIL = "owner@restore.test";
    private static final String OWNER_PASSWORD = "restore-test-password";
    private static final Path WORK = Path.of("target", "restore-test");

    private EmbeddedPostgres original;
    private EmbeddedPostgres restored;
    private ConfigurableApplicationContext node;

    @AfterEach
    void stopEverything() throws IOException {
        if (node != null) {
            node.close();
        }
        for (EmbeddedPostgres server : new EmbeddedPostgres[] {original, restored}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void theApplicationCarriesOnFromARestoredDumpWithEverythingItHad() throws Exception {
        PostgresClientTools.assumeInstalled(POSTGRES_MAJOR_VERSION);
        original = RestoreTestPostgres.start();
        RestoreTestPostgres.createOwner(original);
        execute(original, "create database " + DATABASE + " owner " + OWNER);

        // Before: an owner signs in and adds a plan, a client, a licence and its invoice through the console.
        node = startNode(original);
        ConsoleOverHttp browser = ConsoleOverHttp.signIn(url(node), OWNER_EMAIL, OWNER_PASSWORD);
        browser.submit(
                "/plans/new", "/plans", Map.of("name", "Yearly", "term", "P1Y", "unitPrice", "120.00"), "/plans");
        browser.submit(
                "/clients/new",
                "/clients",
                Map.of("name", "Chloe Client", "email", "chloe@restore.test", "company", "Client Company"),
                "/clients");
        JdbcClient before = JdbcClient.create(original.getDatabase(OWNER, DATABASE));
        long planId = before.sql("select id from plan").query(Long.class).single();
        long clientId = before.sql("select id from app_user where role = 'CLIENT'")
                .query(Long.class)
                .single();
        browser.submit(
                "/licences/new",
                "/licences",
                Map.of("planId", "" + planId, "name", "Lobby screens", "quantity", "3", "clientId", "" + clientId),
                "/licences");
        long licenceId = before.sql("select id from licence").query(Long.class).single();
        String couponCode = before.sql("select coupon_code from licence")
                .query(String.class)
                .single();
        assertThat(browser.post("/licences", "/licences/selection", Map.of("id", "" + licenceId, "selected", "true"))
                        .body())
                .contains("\"error\":null");
        browser.submit("/licences", "/invoices/send", Map.of(), "/invoices");
        String invoiceNumber =
                before.sql("select number from invoice").query(String.class).single();
        node.close();
        node = null;

        // The backup and the restore, with docs/operations.md's commands.
        Files.createDirectories(WORK);
        Path dump = WORK.resolve("licencedesk.dump").toAbsolutePath();
        Files.deleteIfExists(dump);
        PostgresClientTools.run(
                        "pg_dump",
                        "--format=custom",
                        "--no-owner",
                        "--file=" + dump,
                        "--host=localhost",
                        "--port=" + original.getPort(),
                        "--username=" + OWNER,
                        DATABASE)
                .assertSucceeded();
        restored = RestoreTestPostgres.start();
        RestoreTestPostgres.createOwner(restored);
        PostgresClientTools.run(
                        "createdb",
                        "--host=localhost",
                        "--port=" + restored.getPort(),
                        "--username=postgres",
                        "--owner=" + OWNER,
                        DATABASE)
                .assertSucceeded();
        var restore = PostgresClientTools.run(
                        "pg_restore",
                        "--no-owner",
                        "--no-privileges",
                        "--host=localhost",
                        "--port=" + restored.getPort(),
                        "--username=" + OWNER,
                        "--dbname=" + DATABASE,
                        dump.toString())
                .assertSucceeded();
        assertThat(restore.output()).as("what pg_restore printed").isBlank();
        DatabaseContents dumped = DatabaseContents.of(original.getDatabase(OWNER, DATABASE));
        DatabaseContents copy = DatabaseContents.of(restored.getDatabase(OWNER, DATABASE));
        assertThat(copy.tables()).as("rows of each table").isEqualTo(dumped.tables());
        assertThat(copy.sequences()).as("sequences").isEqualTo(dumped.sequences());
        assertThat(copy.indexes()).as("indexes").isEqualTo(dumped.indexes());
        assertThat(copy.constraints()).as("constraints").isEqualTo(dumped.constraints());
        assertThat(copy.extensions()).as("extensions").isEqualTo(dumped.extensions());

        // After: the application starts on the copy (Flyway validates its history), the same browser is still
        // signed in and sees the licence and its invoice, and the owner can sign in and add a licence.
        node = startNode(restored);
        Flyway flyway = node.getBean(Flyway.class);
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).as("migrations left to apply").isEmpty();
        browser.moveTo(url(node));
        assertThat(browser.page("/licences")).contains(couponCode, "Lobby screens");
        assertThat(browser.page("/licences/" + licenceId)).contains(invoiceNumber);
        assertThat(browser.page("/invoices")).contains(invoiceNumber);

        ConsoleOverHttp signedInAfresh = ConsoleOverHttp.signIn(url(node), OWNER_EMAIL, OWNER_PASSWORD);
        signedInAfresh.submit(
                "/licences/new",
                "/licences",
                Map.of("planId", "" + planId, "name", "Added after the restore", "quantity", "1", "clientId", ""),
                "/licences");
        JdbcClient after = JdbcClient.create(restored.getDatabase(OWNER, DATABASE));
        assertThat(after.sql("select name from licence order by id")
                        .query(String.class)
                        .list())
                .containsExactly("Lobby screens", "Added after the restore");
        assertThat(signedInAfresh.page("/licences")).contains("Added after the restore", couponCode);
    }

    private static ConfigurableApplicationContext startNode(EmbeddedPostgres server) {
        return ApplicationNode.start(
                RestoreTestPostgres.jdbcUrl(server),
                OWNER,
                List.of(),
                "--licencedesk.first-owner.email=" + OWNER_EMAIL,
                "--licencedesk.first-owner.password=" + OWNER_PASSWORD,
                "--licencedesk.first-owner.organisation=Restore Test Ltd");
    }

    private static String url(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
