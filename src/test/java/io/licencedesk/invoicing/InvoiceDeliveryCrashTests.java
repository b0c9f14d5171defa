package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.licencedesk.support.Inbox;
import io.licencedesk.support.InvoiceDeliveries;
import io.licencedesk.support.NodeProcess;
import io.licencedesk.support.SmtpRelay;
import io.licencedesk.support.WebUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
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
    private static final Path WORK = Path.of("target", "invoice-delivery-crash");

    private final List<NodeProcess> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private SmtpRelay smtpRelay;

    @AfterEach
    void stopEverything() throws IOException {
        nodes.forEach(NodeProcess::close);
        if (smtpRelay != null) {
            smtpRelay.close();
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
        smtp = new GreenMail(new ServerSetup(Inbox.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        smtpRelay = new SmtpRelay(smtp.getSmtp().getPort(), SMTP_CONNECTION_DELAY);

        // First run: issue the batch and kill the application while it is sending it.
        NodeProcess first = start("first");
        List<Long> licenceIds = insertLicences();
        Owner owner = new Owner(first);
        for (long id : licenceIds) {
            owner.select(id);
        }
        CompletableFuture<HttpResponse<String>> sending = owner.sendSelectionAsync();
        await("the first invoice e-mail, see " + first)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    first.assertAlive();
                    InvoiceDeliveries.failIfRefused(sending);
                    return smtp.getReceivedMessages().length >= 1;
                });
        first.kill();
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
        NodeProcess second = start("second");
        await("every outbound e-mail sent, see " + second)
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    second.assertAlive();
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

        Map<String, Long> deliveries = InvoiceDeliveries.byNumber(smtp.getReceivedMessages());
        assertThat(deliveries.values().stream().mapToLong(Long::longValue).sum())
                .as("every e-mail is an invoice")
                .isEqualTo(smtp.getReceivedMessages().length);
        Map<String, Long> duplicated = InvoiceDeliveries.assertEveryOneDeliveredAtMostOneTwice(deliveries, numbers);
        System.out.printf(
                "Invoice crash test: %d e-mails before the kill (outbox then %s), %d in all, duplicated: %s%n",
                deliveredBeforeRestart, statusesAfterKill, smtp.getReceivedMessages().length, duplicated);
    }

    // --- the application as a separate JVM, and its owner at a browser

    private NodeProcess start(String name) {
        NodeProcess node = NodeProcess.named(name, WORK)
                .database(postgres.getJdbcUrl("postgres", "postgres"))
                .smtpPort(smtpRelay.port())
                .setting("licencedesk.first-owner.email", OWNER_EMAIL)
                .setting("licencedesk.first-owner.password", OWNER_PASSWORD)
                .setting("licencedesk.first-owner.organisation", "Crash Test Ltd")
                .setting("licencedesk.security.bcrypt-strength", "4")
                .setting("licencedesk.mail.lease", "PT3S")
                .setting("licencedesk.mail.poll-interval", "PT0.2S")
                .start();
        nodes.add(node);
        return node;
    }

    private static final class Owner {

        private final WebUser user = new WebUser();
        private final NodeProcess node;
        private final String csrf;

        Owner(NodeProcess node) {
            this.node = node;
            user.signIn(node, OWNER_EMAIL, OWNER_PASSWORD);
            this.csrf = WebUser.meta(user.get(node, "/invoices"), "_csrf");
        }

        void select(long licenceId) {
            HttpResponse<String> response = user.post(
                    node,
                    "/licences/selection",
                    Map.of("id", String.valueOf(licenceId), "selected", "true", "_csrf", csrf));
            assertThat(response.statusCode())
                    .as("selecting licence %d", licenceId)
                    .isEqualTo(200);
            assertThat(response.body()).as("selecting licence %d", licenceId).contains("\"error\":null");
        }

        CompletableFuture<HttpResponse<String>> sendSelectionAsync() {
            return user.postAsync(node, "/invoices/send", Map.of("_csrf", csrf));
        }
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
}
