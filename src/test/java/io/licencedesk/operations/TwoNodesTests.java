package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.licencedesk.support.Inbox;
import io.licencedesk.support.InvoiceDeliveries;
import io.licencedesk.support.NodeProcess;
import io.licencedesk.support.PostgresTestConfiguration;
import io.licencedesk.support.SmtpRelay;
import io.licencedesk.support.WebUser;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes as separate JVMs on one PostgreSQL database and one SMTP server, as behind a load balancer (issue 14,
 * decision 0059): a person goes from one node to the other in one session, a node killed mid-batch leaves the other
 * to finish it, both nodes run every background job without doing any work twice, a node stopped with SIGTERM
 * finishes what it has in hand, and the limits kept in the database count across both.
 *
 * <p>The two nodes are started once for the class; a test that kills or stops one leaves it to the next test to start
 * it again. Each node sends mail through a relay of its own, so the test knows which node opened how many SMTP
 * connections (one per e-mail it began to send), can slow sending down and can hold a node's e-mail in its hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTests {

    private static final String OWNER_EMAIL = "owner@two-nodes.test";
    private static final String OWNER_PASSWORD = "two-nodes-password";
    private static final String CLIENT_PASSWORD = "client-password";
    private static final Duration SMTP_CONNECTION_DELAY = Duration.ofMillis(400);
    private static final Path WORK = Path.of("target", "two-nodes");

    private final Map<String, Integer> starts = new TreeMap<>();
    private String database;
    private GreenMail smtp;
    private SmtpRelay relayOfA;
    private SmtpRelay relayOfB;
    private NodeProcess a;
    private NodeProcess b;
    private long organisationId;
    private long planId;
    private long renewingPlanId;

    @BeforeAll
    void startTwoNodes() throws Exception {
        database = PostgresTestConfiguration.newDatabase();
        smtp = new GreenMail(new ServerSetup(Inbox.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        relayOfA = new SmtpRelay(smtp.getSmtp().getPort(), SMTP_CONNECTION_DELAY);
        relayOfB = new SmtpRelay(smtp.getSmtp().getPort(), SMTP_CONNECTION_DELAY);
        // One after the other: the first creates the first owner, which the second then finds.
        a = start("a", relayOfA);
        b = start("b", relayOfB);
        organisationId = longs("select organisation_id from app_user where email = ?", OWNER_EMAIL)
                .get(0);
        planId = insert(
                "insert into plan (organisation_id, name, term, unit_price_minor, created_at) values (?, 'Standard',"
                        + " 'P3M', 1500, now())",
                organisationId);
        renewingPlanId = insert(
                "insert into plan (organisation_id, name, term, unit_price_minor, auto_renew, created_at)"
                        + " values (?, 'Renewing', 'P1M', 1000, true, now())",
                organisationId);
    }

    /** A test that killed or stopped a node leaves it to be started again here. */
    @BeforeEach
    void bothNodesRunning() {
        if (!a.isAlive()) {
            a = start("a", relayOfA);
        }
        if (!b.isAlive()) {
            b = start("b", relayOfB);
        }
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable closing : new AutoCloseable[] {a, b, relayOfA, relayOfB}) {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (Exception ignored) {
                // the next one still closes
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private NodeProcess start(String name, SmtpRelay relay) {
        int start = starts.merge(name, 1, Integer::sum);
        return NodeProcess.named(start == 1 ? name : name + "-" + start, WORK)
                .database(database)
                .smtpPort(relay.port())
                .setting("licencedesk.first-owner.email", OWNER_EMAIL)
                .setting("licencedesk.first-owner.password", OWNER_PASSWORD)
                .setting("licencedesk.first-owner.organisation", "Two Nodes Ltd")
                .setting("licencedesk.security.bcrypt-strength", "4")
                // Longer than a send takes on a loaded machine (the relay's 400 ms, load 15 on 2 cores): a lease that
                // ends mid-send lets the other node begin the e-mail again, as designed, which the jobs test would
                // count as a double claim (it did once with 3 s).
                .setting("licencedesk.mail.lease", "PT10S")
                .setting("licencedesk.mail.poll-interval", "PT0.2S")
                // The renewal cycle every second on both nodes, so that they compete for it all the time.
                .setting("licencedesk.renewals.interval", "PT1S")
                .setting("licencedesk.renewals.delay", "PT1S")
                // A wait long enough that the limits test never races it.
                .setting("licencedesk.sign-in.first-wait", "PT10M")
                .start();
    }

    // --- a person goes from one node to the other

    @Test
    @Order(1)
    void aManagerSignedInOnOneNodeContinuesOnTheOtherWithItsSelectionTokenAndMessages() throws Exception {
        List<Long> ids = insertLicences("SESS", 3, List.of(insertClient("session-client@two-nodes.test")), true);
        WebUser manager = new WebUser();
        manager.signIn(a, OWNER_EMAIL, OWNER_PASSWORD);
        String tokenOfA = WebUser.meta(manager.get(a, "/licences"), "_csrf");

        assertThat(manager.get(b, "/licences"))
                .as("the list on B, without signing in again")
                .contains("SESS0001");
        assertThat(new WebUser().send(request(b, "/licences")).statusCode())
                .as("the list on B for someone not signed in")
                .isEqualTo(302);

        select(manager, a, tokenOfA, ids.get(0));
        select(manager, a, tokenOfA, ids.get(1));
        assertThat(selection(manager, b))
                .as("the selection made on A, seen on B")
                .isEqualTo(Set.of(ids.get(0), ids.get(1)));
        select(manager, b, tokenOfA, ids.get(2));
        assertThat(selection(manager, a))
                .as("A's token accepted by B, and B's change seen on A")
                .isEqualTo(Set.copyOf(ids));
        assertThat(manager.post(b, "/licences/selection", Map.of("id", "1", "selected", "false", "_csrf", "forged"))
                        .statusCode())
                .as("a forged token on B")
                .isEqualTo(403);

        assertThat(manager.post(a, "/licences/" + ids.get(0) + "/pause", Map.of("_csrf", tokenOfA))
                        .statusCode())
                .isEqualTo(302);
        assertThat(manager.get(b, "/licences")).as("the next page, on B").contains("Licence SESS0001 paused.");
        assertThat(manager.get(a, "/licences")).as("the page after it").doesNotContain("Licence SESS0001 paused.");
        assertThat(manager.post(b, "/licences/" + ids.get(0) + "/resume", Map.of("_csrf", tokenOfA))
                        .statusCode())
                .isEqualTo(302);
        assertThat(manager.get(a, "/licences")).as("the next page, on A").contains("Licence SESS0001 resumed.");
    }

    private static void select(WebUser manager, NodeProcess node, String token, long id) {
        HttpResponse<String> response = manager.post(
                node, "/licences/selection", Map.of("id", String.valueOf(id), "selected", "true", "_csrf", token));
        assertThat(response.statusCode()).as("selecting %d on %s", id, node).isEqualTo(200);
        assertThat(response.body()).as("selecting %d on %s", id, node).contains("\"error\":null");
    }

    private static Set<Long> selection(WebUser manager, NodeProcess node) {
        JsonNode view = JsonMapper.builder().build().readTree(manager.get(node, "/licences/selection"));
        Set<Long> ids = new HashSet<>();
        view.path("ids").forEach(id -> ids.add(id.asLong()));
        assertThat(view.path("count").asInt()).isEqualTo(ids.size());
        return ids;
    }

    // --- the limits kept in the database

    @Test
    @Order(2)
    void theSignInAndCouponCodeLimitsCountTheAttemptsOfBothNodes() throws Exception {
        WebUser guesser = new WebUser();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(signInLocation(guesser, attempt % 2 == 0 ? a : b, "guessed@two-nodes.test", "wrong-" + attempt))
                    .as("failure %d", attempt)
                    .contains("/login?failed")
                    .doesNotContain("tooMany");
        }
        for (NodeProcess node : List.of(a, b)) {
            assertThat(signInLocation(guesser, node, "guessed@two-nodes.test", "wrong-11"))
                    .as("the 11th failure in a row, on %s", node)
                    .contains("/login?tooMany=");
        }

        insertClient("redeemer@two-nodes.test");
        WebUser client = new WebUser();
        client.signIn(a, "redeemer@two-nodes.test", CLIENT_PASSWORD);
        String token = WebUser.meta(client.get(a, "/portal"), "_csrf");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(redeem(client, attempt % 2 == 0 ? a : b, token, "WRONG" + (100 + attempt)))
                    .as("wrong code %d", attempt)
                    .isEqualTo(422);
        }
        for (NodeProcess node : List.of(a, b)) {
            assertThat(redeem(client, node, token, "WRONG999"))
                    .as("the 11th code in a minute, on %s", node)
                    .isEqualTo(429);
        }
    }

    private static String signInLocation(WebUser user, NodeProcess node, String email, String password) {
        String token = WebUser.meta(user.get(node, "/login"), "_csrf");
        HttpResponse<String> answer =
                user.post(node, "/login", Map.of("email", email, "password", password, "_csrf", token));
        assertThat(answer.statusCode()).as("sign-in on %s", node).isEqualTo(302);
        return answer.headers().firstValue("Location").orElse("");
    }

    private static int redeem(WebUser client, NodeProcess node, String token, String code) {
        return client.post(node, "/portal/redeem", Map.of("code", code, "_csrf", token))
                .statusCode();
    }

    // --- background jobs on both nodes

    @Test
    @Order(3)
    void bothNodesRunTheRenewalCycleAndTheMailDispatcherWithoutDoingAnythingTwice() throws Exception {
        int connectionsBefore = relayOfA.connections() + relayOfB.connections();
        int deliveredBefore = smtp.getReceivedMessages().length;
        LocalDate today = LocalDate.now();
        List<String> expiringClients = new ArrayList<>();
        List<String> renewingClients = new ArrayList<>();
        List<Long> expiring = new ArrayList<>();
        List<Long> renewing = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            String email = "expiring-%d@two-nodes.test".formatted(n);
            expiringClients.add(email);
            expiring.add(insertLicence(
                    "EXPR%04d".formatted(n), planId, insertClient(email), today.minusDays(85), today.plusDays(5)));
        }
        for (int n = 1; n <= 4; n++) {
            String email = "renewing-%d@two-nodes.test".formatted(n);
            renewingClients.add(email);
            renewing.add(insertLicence(
                    "RENW%04d".formatted(n),
                    renewingPlanId,
                    insertClient(email),
                    today.minusDays(28),
                    today.plusDays(2)));
        }
        Set<String> runs = new HashSet<>();
        await("eight runs of the renewal cycle after the licences were added")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    a.assertAlive();
                    b.assertAlive();
                    runs.addAll(strings("select locked_at::text from shedlock where name = 'renewal-cycle'"));
                    return runs.size() > 8;
                });
        await("every e-mail sent")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> longs("select count(*) from outbound_email where status <> 'SENT'")
                        .equals(List.of(0L)));

        assertThat(longs(
                        "select count(*) from licence_notice where kind = 'EXPIRING_SOON' and licence_id = any(?)",
                        (Object) expiring.toArray(Long[]::new)))
                .as("one expiring-soon notice per licence")
                .containsExactly(6L);
        assertThat(longs("select count(*) from invoice where licence_id = any(?)", (Object)
                        renewing.toArray(Long[]::new)))
                .as("two invoices per renewing licence: its running term, never invoiced (decision 0065), and its next")
                .containsExactly(8L);
        assertThat(longs("select term_number from licence where id = any(?)", (Object) renewing.toArray(Long[]::new)))
                .as("each renewing licence renewed once")
                .containsOnly(2L);
        for (String client : union(expiringClients, renewingClients)) {
            int invoices = renewingClients.contains(client) ? 2 : 1;
            assertThat(longs("select count(*) from outbound_email where recipient = ?", client))
                    .as("e-mails to %s", client)
                    .containsExactly((long) invoices);
            assertThat(deliveriesTo(client)).as("deliveries to %s", client).isEqualTo(invoices);
        }
        assertThat(longs("select count(*) from outbound_email where recipient = ?", OWNER_EMAIL))
                .as("the week's digest to the owner, once")
                .containsExactly(1L);
        assertThat(deliveriesTo(OWNER_EMAIL)).as("digest deliveries").isEqualTo(1);
        int connections = relayOfA.connections() + relayOfB.connections() - connectionsBefore;
        int delivered = smtp.getReceivedMessages().length - deliveredBefore;
        System.out.printf(
                "Two nodes, jobs: %d renewal-cycle runs seen, %d e-mails, SMTP connections by A %d, by B %d%n",
                runs.size(), delivered, relayOfA.connections(), relayOfB.connections());
        assertThat(connections)
                .as(
                        "no e-mail begun twice by the two dispatchers; e-mails claimed more than once: %s",
                        longs("select id from outbound_email where attempts > 1"))
                .isEqualTo(delivered);
    }

    // --- a node killed mid-batch

    @Test
    @Order(4)
    void aBatchSentOnANodeKilledMidDeliveryIsFinishedByTheOther() throws Exception {
        int batch = 20;
        List<Long> ids = insertLicences(
                "KILL",
                batch,
                List.of(insertClient("kill-1@two-nodes.test"), insertClient("kill-2@two-nodes.test")),
                false);
        int deliveredBefore = smtp.getReceivedMessages().length;
        WebUser manager = new WebUser();
        manager.signIn(a, OWNER_EMAIL, OWNER_PASSWORD);
        String token = WebUser.meta(manager.get(a, "/licences"), "_csrf");
        for (long id : ids) {
            select(manager, a, token, id);
        }
        CompletableFuture<HttpResponse<String>> sending =
                manager.postAsync(a, "/invoices/send", Map.of("_csrf", token));
        await("the batch's first e-mail, see " + a)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    a.assertAlive();
                    InvoiceDeliveries.failIfRefused(sending);
                    return smtp.getReceivedMessages().length > deliveredBefore;
                });
        a.kill();

        List<Long> invoices =
                longs("select id from invoice where licence_id = any(?)", (Object) ids.toArray(Long[]::new));
        assertThat(invoices).as("the batch committed before any e-mail").hasSize(batch);
        Long[] invoiceIds = invoices.toArray(Long[]::new);
        Map<String, Long> afterKill = invoiceEmailStatuses(invoiceIds);
        assertThat(afterKill.getOrDefault("SENT", 0L))
                .as("the kill landed mid-batch: %s", afterKill)
                .isLessThan(batch);

        await("every invoice e-mail sent by B, see " + b)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    b.assertAlive();
                    return invoiceEmailStatuses(invoiceIds).equals(Map.of("SENT", (long) batch));
                });

        List<String> numbers =
                strings("select number from invoice where organisation_id = ? order by number", organisationId);
        String year = strings("select distinct extract(year from issued_on)::int::text from invoice")
                .get(0);
        assertThat(numbers)
                .as("every invoice of the organisation numbered without gaps")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size())
                        .mapToObj(n -> "INV-%s-%06d".formatted(year, n))
                        .toList());
        List<String> batchNumbers = strings("select number from invoice where id = any(?)", (Object) invoiceIds);
        Map<String, Long> duplicated = InvoiceDeliveries.assertEveryOneDeliveredAtMostOneTwice(
                InvoiceDeliveries.byNumber(smtp.getReceivedMessages()), batchNumbers);
        System.out.printf("Two nodes, kill: outbox after the kill %s, duplicated %s%n", afterKill, duplicated);
    }

    // --- a node stopped with SIGTERM

    @Test
    @Order(5)
    void aNodeStoppedGracefullyFinishesItsRequestAndItsEmailAndTakesNothingNew() throws Exception {
        long licence = insertLicences("TERM", 1, List.of(insertClient("term@two-nodes.test")), true)
                .get(0);
        WebUser manager = new WebUser();
        manager.signIn(b, OWNER_EMAIL, OWNER_PASSWORD);
        String token = WebUser.meta(manager.get(b, "/licences"), "_csrf");
        int heldByA = relayOfA.connections();
        int heldByB = relayOfB.connections();
        relayOfA.hold();
        relayOfB.hold();
        int messages = 6;
        // In one transaction, so that a node's first look finds them all and would claim one after the other.
        List<Long> queued = longs(
                "insert into outbound_email (organisation_id, recipient, subject, text_body, html_body, status,"
                        + " next_attempt_at, created_at) select ?, 'shutdown@two-nodes.test', 'Shutdown ' || n, 'Text',"
                        + " '<p>Text</p>', 'PENDING', now(), now() from generate_series(1, ?) n returning id",
                organisationId,
                messages);
        await("an e-mail in the hands of each node")
                .atMost(Duration.ofSeconds(60))
                .until(() -> relayOfA.connections() == heldByA + 1 && relayOfB.connections() == heldByB + 1);

        CompletableFuture<HttpResponse<String>> pausing;
        try (Connection lock = database()) {
            lock.setAutoCommit(false);
            longs(lock, "select id from licence where id = ? for update", licence);
            pausing = manager.postAsync(b, "/licences/" + licence + "/pause", Map.of("_csrf", token));
            await("the pause on B waiting for the licence's row")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        assertThat(pausing).as("the pause on B").isNotDone();
                        return longs("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                                + " and datname = current_database()")
                                        .get(0)
                                > 0;
                    });

            b.terminate();
            await("B refusing new connections while it finishes, see " + b)
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        b.assertAlive();
                        return refusesConnections(b);
                    });
            assertThat(pausing).as("the request in progress").isNotDone();
            lock.commit();
        }
        HttpResponse<String> paused = pausing.get();
        assertThat(paused.statusCode()).as("the request in progress, answered").isEqualTo(302);
        assertThat(strings("select paused::text from licence where id = ?", licence))
                .containsExactly("true");
        // B has drained its requests; it must now wait for its e-mail before it closes the database pool.
        await("B's requests drained, see " + b)
                .atMost(Duration.ofSeconds(60))
                .until(() -> b.logText().contains("Graceful shutdown complete"));
        await("B waiting for the e-mail in its hand, see " + b)
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .until(() -> b.isAlive() && !b.logText().contains("Shutdown initiated"));

        relayOfB.release();
        b.waitForExit();
        assertThat(relayOfB.connections()).as("e-mails B began to send").isEqualTo(heldByB + 1);
        assertThat(outboxStatuses(queued.toArray(Long[]::new)))
                .as("B's e-mail sent, A's still in its hand, the rest waiting")
                .isEqualTo(Map.of("SENT", 1L, "SENDING", 1L, "PENDING", (long) messages - 2));

        relayOfA.release();
        await("A sends the rest")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> outboxStatuses(queued.toArray(Long[]::new)).equals(Map.of("SENT", (long) messages)));
        assertThat(longs("select max(attempts) from outbound_email where id = any(?)", (Object)
                        queued.toArray(Long[]::new)))
                .as("no e-mail sent twice")
                .containsExactly(1L);
        assertThat(deliveriesTo("shutdown@two-nodes.test")).isEqualTo(messages);
    }

    private static boolean refusesConnections(NodeProcess node) {
        try {
            HttpClient.newHttpClient().send(request(node, "/actuator/health"), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (IOException refused) {
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpRequest request(NodeProcess node, String path) {
        return HttpRequest.newBuilder(URI.create(node.url() + path))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    // --- data over JDBC, e-mails from GreenMail

    private Connection database() throws SQLException {
        return DriverManager.getConnection(database, "postgres", "");
    }

    private long insertClient(String email) throws SQLException {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(CLIENT_PASSWORD);
        return insert(
                "insert into app_user (organisation_id, email, password_hash, role, name, company, created_at)"
                        + " values (?, ?, ?, 'CLIENT', ?, 'Client Company', now())",
                organisationId,
                email,
                hash,
                "Client " + email);
    }

    /** Licences with codes PREFIX0001…, spread over the clients; active since today when {@code active}. */
    private List<Long> insertLicences(String prefix, int count, List<Long> clients, boolean active)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            LocalDate today = LocalDate.now();
            ids.add(insertLicence(
                    prefix + "%04d".formatted(n),
                    planId,
                    clients.get(n % clients.size()),
                    active ? today : null,
                    active ? today.plusMonths(3) : null));
        }
        return ids;
    }

    private long insertLicence(String code, long plan, long client, LocalDate activatedOn, LocalDate endsOn)
            throws SQLException {
        return insert(
                "insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name, quantity,"
                        + " client_id, activated_on, ends_on, created_at)"
                        + " select ?, ?, id, term, unit_price_minor, ?, 2, ?, ?, ?, now() from plan where id = ?",
                organisationId,
                code,
                "Licence " + code,
                client,
                activatedOn,
                endsOn,
                plan);
    }

    private long insert(String sql, Object... parameters) throws SQLException {
        try (Connection db = database();
                PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(db, insert, parameters);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    private List<Long> longs(String sql, Object... parameters) throws SQLException {
        try (Connection db = database()) {
            return longs(db, sql, parameters);
        }
    }

    private static List<Long> longs(Connection db, String sql, Object... parameters) throws SQLException {
        return strings(db, sql, parameters).stream().map(Long::valueOf).toList();
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection db = database()) {
            return strings(db, sql, parameters);
        }
    }

    private static List<String> strings(Connection db, String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            bind(db, query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static void bind(Connection db, PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Long[] array) {
                statement.setArray(i + 1, db.createArrayOf("bigint", array));
            } else if (parameter instanceof LocalDate date) {
                statement.setObject(i + 1, date);
            } else if (parameter == null) {
                statement.setNull(i + 1, java.sql.Types.DATE);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }

    private Map<String, Long> invoiceEmailStatuses(Long[] invoiceIds) throws SQLException {
        return statuses("subject_type = 'INVOICE' and subject_id = any(?)", invoiceIds);
    }

    private Map<String, Long> outboxStatuses(Long[] ids) throws SQLException {
        return statuses("id = any(?)", ids);
    }

    private Map<String, Long> statuses(String condition, Long[] ids) throws SQLException {
        Map<String, Long> statuses = new TreeMap<>();
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "select status, count(*) from outbound_email where " + condition + " group by status")) {
            bind(db, query, (Object) ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return statuses;
    }

    private int deliveriesTo(String recipient) throws MessagingException {
        int count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().contains(recipient)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<String> union(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
