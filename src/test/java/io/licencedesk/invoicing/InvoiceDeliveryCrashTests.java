package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.licencedesk.support.TestKeyEncryptionKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application is started as a separate JVM on a real PostgreSQL and a real SMTP server, killed
 * abruptly (SIGKILL) while it is e-mailing a batch of invoices, and started again: every invoice
 * exists once and is delivered, with at most one duplicate delivery (the message in flight at the
 * kill). A proxy in front of the SMTP server holds each new connection back for a moment, so a batch
 * takes seconds and the kill lands in its middle.
 */
class InvoiceDeliveryCrashTests {

    private static final int BATCH = 20;
    private static final String OWNER_EMAIL = "owner@crash.test";
    private static final String OWNER_PASSWORD = "crash-test-password";
    private static final Duration SMTP_CONNECTION_DELAY = Duration.ofMillis(400);
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);
    private static final Pattern INVOICE_SUBJECT = Pattern.compile("Invoice (\\S+) from ");
    private static final Path WORK = Path.of("target", "invoice-delivery-crash");

    private final List<Process> children = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private SlowProxy smtpProxy;

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
        if (smtpProxy != null) {
            smtpProxy.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void deliversEveryInvoiceOnceAfterTheApplicationIsKilledMidBatch() throws Exception {
        Files.createDirectories(WORK);
        postgres = EmbeddedPostgres.builder().start();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        smtpProxy = new SlowProxy(smtp.getSmtp().getPort(), SMTP_CONNECTION_DELAY);

        // First run: issue the batch and kill the application while it is sending it.
        Application first = start("first");
        List<Long> licenceIds = insertLicences();
        ConsoleUser owner = first.signIn();
        for (long id : licenceIds) {
            owner.select(id);
        }
        CompletableFuture<HttpResponse<String>> sending = owner.sendSelectionAsync();
        await("the first invoice e-mail, " + first.log)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    assertThat(first.process.isAlive())
                            .as("first application alive, see %s", first.log)
                            .isTrue();
                    failIfRefused(sending);
                    return smtp.getReceivedMessages().length >= 1;
                });
        first.process.destroyForcibly();
        first.process.waitFor();
        int deliveredBeforeRestart = smtp.getReceivedMessages().length;
        Map<String, Integer> statusesAfterKill = outboxStatuses();

        assertThat(invoiceNumbers())
                .as("the batch was committed before any e-mail")
                .hasSize(BATCH);
        assertThat(deliveredBeforeRestart)
                .as("the kill landed in the middle of the batch")
                .isBetween(1, BATCH - 1);
        assertThat(statusesAfterKill.getOrDefault("SENT", 0))
                .as("outbox after the kill: %s", statusesAfterKill)
                .isLessThan(BATCH);

        // Second run on the same database and SMTP server: it finishes the batch.
        Application second = start("second");
        await("every outbound e-mail sent, " + second.log)
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(second.process.isAlive())
                            .as("second application alive, see %s", second.log)
                            .isTrue();
                    return outboxStatuses().equals(Map.of("SENT", BATCH));
                });

        List<String> numbers = invoiceNumbers();
        String year = String.valueOf(issueYear());
        assertThat(numbers)
                .as("one invoice per licence, numbered without gaps")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, BATCH)
                        .mapToObj(n -> "INV-%s-%06d".formatted(year, n))
                        .toList());
        assertThat(invoicedLicences()).containsExactlyInAnyOrderElementsOf(licenceIds);

        Map<String, Long> deliveries = deliveriesByInvoiceNumber();
        Map<String, Long> duplicated = deliveries.entrySet().stream()
                .filter(delivery -> delivery.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.printf(
                "Invoice crash test: %d e-mails before the kill (outbox then %s), %d in all, duplicated: %s%n",
                deliveredBeforeRestart, statusesAfterKill, smtp.getReceivedMessages().length, duplicated);
        assertThat(deliveries.keySet()).as("every invoice e-mailed").containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(duplicated)
                .as("at most one invoice (the one in flight at the kill) e-mailed twice")
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy((number, count) -> assertThat(count).isEqualTo(2));
    }

    private static void failIfRefused(CompletableFuture<HttpResponse<String>> sending) {
        if (sending.isDone() && !sending.isCompletedExceptionally()) {
            HttpResponse<String> response = sending.join();
            assertThat(response.statusCode()).as("send response").isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as("redirect after sending (to /licences when refused)")
                    .endsWith("/invoices");
        }
    }

    // --- the application as a separate JVM

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
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpProxy.port(),
                "--licencedesk.first-owner.email=" + OWNER_EMAIL,
                "--licencedesk.first-owner.password=" + OWNER_PASSWORD,
                "--licencedesk.first-owner.organisation=Crash Test Ltd",
                "--licencedesk.security.bcrypt-strength=4",
                "--licencedesk.mail.lease=PT3S",
                "--licencedesk.mail.poll-interval=PT0.2S",
                "--licencedesk.demo.enabled=false",
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
                .pollInterval(Duration.ofMillis(500))
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
                    "/login", Map.of("email", OWNER_EMAIL, "password", OWNER_PASSWORD, "_csrf", csrf(signInPage)));
            assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse(""))
                    .as("sign-in redirect")
                    .doesNotContain("failed");
            user.csrf = csrf(user.get("/invoices"));
            return user;
        }
    }

    private static final class ConsoleUser {

        private final String url;
        private final HttpClient http;
        private String csrf;

        ConsoleUser(String url, HttpClient http) {
            this.url = url;
            this.http = http;
        }

        void select(long licenceId) throws IOException, InterruptedException {
            HttpResponse<String> response = post(
                    "/licences/selection", Map.of("id", String.valueOf(licenceId), "selected", "true", "_csrf", csrf));
            assertThat(response.statusCode())
                    .as("selecting licence %d", licenceId)
                    .isEqualTo(200);
            assertThat(response.body()).as("selecting licence %d", licenceId).contains("\"error\":null");
        }

        CompletableFuture<HttpResponse<String>> sendSelectionAsync() {
            return http.sendAsync(form("/invoices/send", Map.of("_csrf", csrf)), HttpResponse.BodyHandlers.ofString());
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
            return http.send(form(path, fields), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest form(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    private static String csrf(String page) {
        for (String pattern : List.of(
                "name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]+)\"",
                "(?:value|content)=\"([^\"]+)\"[^>]*?name=\"_csrf\"")) {
            Matcher matcher = Pattern.compile(pattern).matcher(page);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No CSRF token in the page: " + page);
    }

    // --- data and assertions over JDBC and GreenMail

    private Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** Demo data is only seeded on H2: a plan, three clients and the batch's licences, assigned. */
    private List<Long> insertLicences() throws SQLException {
        try (Connection db = database()) {
            long organisationId;
            try (PreparedStatement owner =
                    db.prepareStatement("select organisation_id from app_user where email = ?")) {
                owner.setString(1, OWNER_EMAIL);
                try (ResultSet row = owner.executeQuery()) {
                    assertThat(row.next()).as("first owner created").isTrue();
                    organisationId = row.getLong(1);
                }
            }
            long planId = insertReturningId(
                    db,
                    "insert into plan (organisation_id, name, term, unit_price_minor, created_at)"
                            + " values (?, 'Standard', 'P1M', 1500, now())",
                    organisationId);
            List<Long> clientIds = new ArrayList<>();
            for (int client = 1; client <= 3; client++) {
                clientIds.add(insertReturningId(
                        db,
                        "insert into app_user (organisation_id, email, role, name, company, created_at)"
                                + " values (?, 'client" + client + "@crash.test', 'CLIENT', 'Client " + client
                                + "', 'Client Company " + client + "', now())",
                        organisationId));
            }
            List<Long> licenceIds = new ArrayList<>();
            for (int licence = 1; licence <= BATCH; licence++) {
                licenceIds.add(insertReturningId(
                        db,
                        "insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name,"
                                + " quantity, client_id, created_at) values (?, '"
                                + "CRASH%03d".formatted(licence) + "', " + planId + ", 'P1M', 1500, 'Licence "
                                + licence + "', 2, " + clientIds.get(licence % clientIds.size()) + ", now())",
                        organisationId));
            }
            return licenceIds;
        }
    }

    private static long insertReturningId(Connection db, String sql, long organisationId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, organisationId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    private List<String> invoiceNumbers() throws SQLException {
        return strings("select number from invoice order by number");
    }

    private List<Long> invoicedLicences() throws SQLException {
        return strings("select licence_id from invoice").stream()
                .map(Long::valueOf)
                .toList();
    }

    private int issueYear() throws SQLException {
        List<String> years = strings("select distinct extract(year from issued_on)::int from invoice");
        assertThat(years).hasSize(1);
        return Integer.parseInt(years.get(0));
    }

    private Map<String, Integer> outboxStatuses() throws SQLException {
        Map<String, Integer> statuses = new TreeMap<>();
        try (Connection db = database();
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select status, count(*) from outbound_email group by status")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getInt(2));
            }
        }
        return statuses;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = database();
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private Map<String, Long> deliveriesByInvoiceNumber() throws MessagingException {
        Map<String, Long> deliveries = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Matcher subject = INVOICE_SUBJECT.matcher(message.getSubject());
            assertThat(subject.find()).as("subject %s", message.getSubject()).isTrue();
            deliveries.merge(subject.group(1), 1L, Long::sum);
        }
        return deliveries;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A TCP relay to the SMTP server that holds each new connection for a moment before relaying it
     * (the application opens one connection per message), so that a batch takes several seconds.
     */
    private static final class SlowProxy implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final Duration delay;

        SlowProxy(int target, Duration delay) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.target = target;
            this.delay = delay;
            daemon(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    daemon(() -> relay(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void relay(Socket client) {
            try {
                Thread.sleep(delay.toMillis());
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                daemon(() -> pump(upstream, client));
                pump(client, upstream);
            } catch (IOException | InterruptedException failed) {
                closeQuietly(client);
            }
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "slow-smtp-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // either side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}
