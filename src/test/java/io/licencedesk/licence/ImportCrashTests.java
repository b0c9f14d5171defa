package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licencedesk.support.TestKeyEncryptionKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application is started as a separate JVM on a real PostgreSQL, killed abruptly (SIGKILL) in the middle of a
 * large CSV import, and started again (issue 11, decision 0047): right after the kill the licences table holds none
 * or all of that import's licences, never part of them; the second run notices the stopped heartbeat, takes the
 * import over and creates every licence exactly once.
 *
 * <p>The JVM, sign-in and HTTP helpers follow {@code InvoiceDeliveryCrashTests}.
 */
class ImportCrashTests {

    /**
     * Three steps of 25,000 lines, each taking seconds: the kill follows the first step's progress, so it lands in the
     * middle of the import's transaction with two steps to go.
     */
    private static final int ROWS = 60_000;

    private static final String OWNER_EMAIL = "owner@import-crash.test";
    private static final String OWNER_PASSWORD = "crash-test-password";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);
    private static final Path WORK = Path.of("target", "import-crash");

    private final List<Process> children = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @AfterEach
    void stopEverything() throws IOException {
        for (Process child : children) {
            child.destroyForcibly();
            try {
                child.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
        Application first = start("first");
        insertPlan("Monthly");
        ConsoleUser owner = first.signIn();
        long id = owner.upload(csv);
        await("the check of import " + id + ", " + first.log)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(first.process.isAlive())
                            .as("first application alive, see %s", first.log)
                            .isTrue();
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
        Job beforeKill = await("import " + id + " importing with rows inserted, " + first.log)
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
        first.process.destroyForcibly();
        first.process.waitFor();

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
        Application second = start("second");
        await("import " + id + " imported by the second application, " + second.log)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(second.process.isAlive())
                            .as("second application alive, see %s", second.log)
                            .isTrue();
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

    // --- the application as a separate JVM (as InvoiceDeliveryCrashTests starts it)

    private Application start(String name) throws IOException {
        int port = freePort();
        Path argumentFile = WORK.resolve(name + ".args").toAbsolutePath();
        Path log = WORK.resolve(name + ".log").toAbsolutePath();
        List<String> arguments = List.of(
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.licencedesk.LicenceDeskApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                TestKeyEncryptionKeys.ARGUMENT,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--licencedesk.first-owner.email=" + OWNER_EMAIL,
                "--licencedesk.first-owner.password=" + OWNER_PASSWORD,
                "--licencedesk.first-owner.organisation=Import Crash Ltd",
                "--licencedesk.security.bcrypt-strength=4",
                "--licencedesk.demo.enabled=false",
                "--licencedesk.imports.directory="
                        + WORK.resolve(name + "-files").toAbsolutePath(),
                "--licencedesk.imports.stale-after=PT3S",
                "--licencedesk.imports.recovery-every=PT1S",
                "--spring.main.banner-mode=off");
        // An argument file keeps a long test classpath off the command line.
        Files.write(
                argumentFile,
                arguments.stream()
                        .map(argument -> "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .toList());
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(java, "@" + argumentFile)
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        children.add(process);
        Application application = new Application(process, "http://127.0.0.1:" + port, log);
        await("health of the " + name + " application, see " + log)
                .atMost(STARTUP_LIMIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("%s application alive, see %s", name, log)
                            .isTrue();
                    return application.healthy();
                });
        return application;
    }

    private record Application(Process process, String url, Path log) {

        boolean healthy() {
            try {
                return HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        ConsoleUser signIn() throws IOException, InterruptedException {
            var user = new ConsoleUser(
                    url,
                    HttpClient.newBuilder()
                            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                            .connectTimeout(Duration.ofSeconds(10))
                            .build());
            String signInPage = user.get("/login");
            HttpResponse<String> signedIn = user.post(
                    "/login",
                    Map.of("email", OWNER_EMAIL, "password", OWNER_PASSWORD, "_csrf", meta(signInPage, "_csrf")));
            assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse(""))
                    .as("sign-in redirect")
                    .doesNotContain("failed");
            String importsPage = user.get("/licences/imports");
            user.csrf = meta(importsPage, "_csrf");
            user.csrfHeader = meta(importsPage, "_csrf_header");
            return user;
        }
    }

    private static final class ConsoleUser {

        private final String url;
        private final HttpClient http;
        private String csrf;
        private String csrfHeader;

        ConsoleUser(String url, HttpClient http) {
            this.url = url;
            this.http = http;
        }

        /** Sends the file as the import page does: the body itself, with the CSRF header; answers the import's id. */
        long upload(Path file) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/licences/imports?name=crash.csv"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "text/csv")
                            .header("Accept", "application/json")
                            .header(csrfHeader, csrf)
                            .POST(HttpRequest.BodyPublishers.ofFile(file))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("upload: %s", response.body()).isEqualTo(201);
            String page = response.headers().firstValue("Location").orElseThrow();
            assertThat(page).as("the import's page").matches(".*/licences/imports/\\d+");
            return Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        }

        void confirm(long id) throws IOException, InterruptedException {
            HttpResponse<String> response = post("/licences/imports/" + id + "/import", Map.of("_csrf", csrf));
            assertThat(response.statusCode()).as("confirming import %d", id).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as("redirect after confirming")
                    .endsWith("/licences/imports/" + id);
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + path))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create(url + path))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A value the page's layout puts in a meta tag or a hidden field ({@code _csrf}, {@code _csrf_header}). */
    private static String meta(String page, String name) {
        for (String pattern : List.of(
                "name=\"" + name + "\"[^>]*?(?:value|content)=\"([^\"]+)\"",
                "(?:value|content)=\"([^\"]+)\"[^>]*?name=\"" + name + "\"")) {
            Matcher matcher = Pattern.compile(pattern).matcher(page);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No " + name + " in the page: " + page);
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

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
