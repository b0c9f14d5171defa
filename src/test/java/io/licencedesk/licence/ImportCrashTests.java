package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licencedesk.support.NodeProcess;
import io.licencedesk.support.WebUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application is started as a separate JVM on a real PostgreSQL, killed abruptly (SIGKILL) in the middle of a
 * large CSV import, and started again (issue 11, decision 0047): right after the kill the licences table holds none
 * or all of that import's licences, never part of them; the second run notices the stopped heartbeat, takes the
 * import over and creates every licence exactly once.
 *
 * <p>The application runs as a {@link NodeProcess}.
 */
class ImportCrashTests {

    /**
     * Three steps of 25,000 lines, each taking seconds: the kill follows the first step's progress, so it lands in the
     * middle of the import's transaction with two steps to go.
     */
    private static final int ROWS = 60_000;

    private static final String OWNER_EMAIL = "owner@import-crash.test";
    private static final String OWNER_PASSWORD = "crash-test-password";
    private static final Path WORK = Path.of("target", "import-crash");

    private final List<NodeProcess> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @AfterEach
    void stopEverything() throws IOException {
        nodes.forEach(NodeProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aKilledImportLeavesNoneOrAllOfItsLicencesAndIsFinishedOnceByTheNextStart() throws Exception {
        Files.createDirectories(WORK);
        Path csv = writeCsv(WORK.resolve("licences.csv"));
        postgres = EmbeddedPostgres.builder().start();

        // First run: check the file, confirm it, and kill the application while it inserts.
        NodeProcess first = start("first");
        insertPlan("Monthly");
        Owner owner = new Owner(first);
        long id = owner.upload(csv);
        await("the check of import " + id + ", see " + first)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    first.assertAlive();
                    String status = job(id).status();
                    assertThat(status).as("import %d while checked", id).isIn("CHECKING", "CHECKED");
                    return status.equals("CHECKED");
                });
        Job checked = job(id);
        assertThat(checked.rowsToCreate()).as("every row passes the check").isEqualTo(ROWS);
        assertThat(licencesOf(id)).as("the check creates nothing").isZero();

        long confirmedAt = System.nanoTime();
        owner.confirm(id);
        List<String> seen = new ArrayList<>();
        Job beforeKill = await("import " + id + " importing with rows inserted, see " + first)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(
                        () -> {
                            Job now = job(id);
                            String step = now.status() + " " + now.rowsInserted();
                            if (seen.isEmpty() || !seen.get(seen.size() - 1).endsWith(step)) {
                                seen.add("+%d ms: %s".formatted(millisSince(confirmedAt), step));
                            }
                            assertThat(now.status())
                                    .as("import %d before the kill (too fast? progress %s)", id, seen)
                                    .isEqualTo("IMPORTING");
                            return now;
                        },
                        now -> now.rowsInserted() > 0);
        first.kill();

        // Right after the kill: none or all, never part.
        long afterKill = licencesOf(id);
        Job killed = job(id);
        String outcome = afterKill == 0 ? "none" : afterKill == ROWS ? "all" : "PART (" + afterKill + ")";
        System.out.printf(
                "Import crash test: killed at %d of %d rows inserted (%s); licences of the import after the kill:"
                        + " %s; job then %s%n",
                beforeKill.rowsInserted(), ROWS, seen, outcome, killed);
        assertThat(afterKill)
                .as("licences of import %d right after the kill: none or all", id)
                .isIn(0L, (long) ROWS);
        assertThat(afterKill)
                .as("the kill landed mid-import, whose transaction rolled back")
                .isZero();
        assertThat(killed.status()).as("the import is still confirmed").isEqualTo("IMPORTING");

        // Second run on the same database: it takes the stalled import over and finishes it.
        NodeProcess second = start("second");
        await("import " + id + " imported by the second application, see " + second)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    second.assertAlive();
                    return job(id).status().equals("IMPORTED");
                });

        Job imported = job(id);
        System.out.printf("Import crash test: after the second run, %s%n", imported);
        assertThat(imported.claimedBy())
                .as("taken over by the second application")
                .isNotEqualTo(killed.claimedBy());
        assertThat(imported.rowsCreated()).isEqualTo(ROWS);
        assertThat(licencesOf(id)).as("every licence of the import, once").isEqualTo(ROWS);
        assertThat(longs("select count(*) from licence")).containsExactly((long) ROWS);
        assertThat(longs("select count(*) from (select coupon_code from licence group by coupon_code"
                        + " having count(*) > 1) repeated"))
                .as("coupon codes used twice")
                .containsExactly(0L);
        assertThat(longs("select count(*) from (select organisation_id, import_key from licence"
                        + " where import_key is not null group by organisation_id, import_key"
                        + " having count(*) > 1) repeated"))
                .as("import keys used twice")
                .containsExactly(0L);
        assertThat(longs("select count(distinct name) from licence where import_id = " + id))
                .as("every line of the file")
                .containsExactly((long) ROWS);
        // The staged rows are dropped in a transaction of their own, just after the import's.
        await("the staged rows of import " + id + " dropped")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> longs("select count(*) from licence_import_row where import_id = " + id)
                        .equals(List.of(0L)));
    }

    private static Path writeCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,plan,screens\r\n");
            for (int row = 1; row <= ROWS; row++) {
                out.write("Crash licence " + row + ",Monthly," + (1 + row % 7) + "\r\n");
            }
        }
        return file;
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    // --- the application as a separate JVM, and its owner at a browser

    private NodeProcess start(String name) {
        NodeProcess node = NodeProcess.named(name, WORK)
                .database(postgres.getJdbcUrl("postgres", "postgres"))
                .setting("licencedesk.first-owner.email", OWNER_EMAIL)
                .setting("licencedesk.first-owner.password", OWNER_PASSWORD)
                .setting("licencedesk.first-owner.organisation", "Import Crash Ltd")
                .setting("licencedesk.security.bcrypt-strength", "4")
                .setting(
                        "licencedesk.imports.directory",
                        WORK.resolve(name + "-files").toAbsolutePath().toString())
                .setting("licencedesk.imports.stale-after", "PT3S")
                .setting("licencedesk.imports.recovery-every", "PT1S")
                .start();
        nodes.add(node);
        return node;
    }

    private static final class Owner {

        private final WebUser user = new WebUser();
        private final NodeProcess node;
        private final String csrf;
        private final String csrfHeader;

        Owner(NodeProcess node) {
            this.node = node;
            user.signIn(node, OWNER_EMAIL, OWNER_PASSWORD);
            String importsPage = user.get(node, "/licences/imports");
            this.csrf = WebUser.meta(importsPage, "_csrf");
            this.csrfHeader = WebUser.meta(importsPage, "_csrf_header");
        }

        /** Sends the file as the import page does: the body itself, with the CSRF header; answers the import's id. */
        long upload(Path file) throws IOException {
            HttpResponse<String> response =
                    user.send(HttpRequest.newBuilder(URI.create(node.url() + "/licences/imports?name=crash.csv"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "text/csv")
                            .header("Accept", "application/json")
                            .header(csrfHeader, csrf)
                            .POST(HttpRequest.BodyPublishers.ofFile(file))
                            .build());
            assertThat(response.statusCode()).as("upload: %s", response.body()).isEqualTo(201);
            String page = response.headers().firstValue("Location").orElseThrow();
            assertThat(page).as("the import's page").matches(".*/licences/imports/\\d+");
            return Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        }

        void confirm(long id) {
            HttpResponse<String> response =
                    user.post(node, "/licences/imports/" + id + "/import", Map.of("_csrf", csrf));
            assertThat(response.statusCode()).as("confirming import %d", id).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as("redirect after confirming")
                    .endsWith("/licences/imports/" + id);
        }
    }

    // --- data and assertions over JDBC

    private record Job(
            String status,
            long rowsToCreate,
            long rowsInserted,
            long rowsCreated,
            String claimedBy,
            String heartbeat) {}

    private Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** The first owner's organisation gets the plan the file names (demo data is only seeded on H2). */
    private void insertPlan(String name) throws SQLException {
        try (Connection db = database();
                PreparedStatement insert = db.prepareStatement(
                        "insert into plan (organisation_id, name, term, unit_price_minor, created_at)"
                                + " select organisation_id, ?, 'P1M', 1500, now() from app_user where email = ?")) {
            insert.setString(1, name);
            insert.setString(2, OWNER_EMAIL);
            assertThat(insert.executeUpdate())
                    .as("plan %s for the first owner", name)
                    .isEqualTo(1);
        }
    }

    private Job job(long id) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("select status, rows_to_create, rows_inserted,"
                        + " rows_created, claimed_by, heartbeat_at from licence_import where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("import %d", id).isTrue();
                return new Job(
                        row.getString(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getString(5),
                        row.getString(6));
            }
        }
    }

    private long licencesOf(long importId) throws SQLException {
        return longs("select count(*) from licence where import_id = " + importId)
                .get(0);
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }
}
