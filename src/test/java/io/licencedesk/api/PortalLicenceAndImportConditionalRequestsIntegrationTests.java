package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.api.ConditionalRequestsIntegrationTests.Answer;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conditional requests on a client's licence in the portal and on a licence import (decision 0140), as on licences,
 * clients, plans and invoices (decisions 0130 and 0135): an ETag on their GET and on what changes them, If-None-Match
 * answered 304, If-Match checked under the row lock and a stale one refused with a 412 that changes nothing, before
 * the 409 of their state (H2; PostgreSQL below).
 */
@IntegrationTest
class PortalLicenceAndImportConditionalRequestsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FILE = "name,plan,screens\nLobby,Monthly,2\nKiosk,Monthly,1\n";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;
    Plan plan;
    String alice;
    String manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        alice = fixture.token(org.alice());
        manager = fixture.token(org.manager());
    }

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    Answer read(String address, String token) throws Exception {
        return send(get(address).with(bearer(token)));
    }

    Answer change(String address, String token, String ifMatch) throws Exception {
        MockHttpServletRequestBuilder request = post(address).with(bearer(token));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    long assignedToAlice() {
        return licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Foyer", null, 2, org.alice().userId()))
                .id();
    }

    String activatedOn(long id) {
        return jdbc.sql("select activated_on from licence where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** A licence import of the manager's, checked (its report ready), and its address. */
    String checkedImport() throws Exception {
        Answer started = send(post("/api/v1/licence-imports")
                .param("name", "book.csv")
                .with(bearer(manager))
                .contentType("text/csv")
                .content(FILE));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
        String address = "/api/v1/licence-imports/" + started.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        read(address, manager).body().get("status").asString().equals("checked"));
        return address;
    }

    String importStatus(String address) {
        return jdbc.sql("select status from licence_import where id = ?")
                .param(Long.parseLong(address.substring(address.lastIndexOf('/') + 1)))
                .query(String.class)
                .single();
    }

    @Test
    void aPortalLicenceReadAnswersItsETagA304WhileUnchangedAndItsStartTheNewOne() throws Exception {
        long id = assignedToAlice();
        String address = "/api/v1/portal/licences/" + id;
        Answer first = read(address, alice);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
        Answer unchanged = send(get(address).with(bearer(alice)).header("If-None-Match", first.etag()));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isNull();

        Answer started = change(address + "/activate", alice, first.etag());
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.etag())
                .isNotEqualTo(first.etag())
                .isEqualTo(read(address, alice).etag());
        assertThat(send(get(address).with(bearer(alice)).header("If-None-Match", first.etag()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPortalLicenceChangedSinceItWasReadIsNotStartedAndTheStaleTagIsToldBeforeItsState() throws Exception {
        long id = assignedToAlice();
        String address = "/api/v1/portal/licences/" + id;
        String stale = read(address, alice).etag();
        licences.edit(org.manager(), id, edited -> edited.withName("Foyer left"));

        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                change(address + "/activate", alice, stale), address + "/activate");
        assertThat(activatedOn(id)).isNull();

        String current = read(address, alice).etag();
        assertThat(change(address + "/activate", alice, current).status()).isEqualTo(200);
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                change(address + "/activate", alice, current), address + "/activate");
        assertThat(change(address + "/activate", alice, "*").status()).isEqualTo(409);
        assertThat(change(
                                address + "/activate",
                                alice,
                                "W/" + read(address, alice).etag())
                        .status())
                .isEqualTo(412);
    }

    @Test
    void aPortalLicenceStartWithAnETagWaitsForAChangeUnderWayAndIsRefusedOnceThatOneIsSaved() throws Exception {
        long id = assignedToAlice();
        String address = "/api/v1/portal/licences/" + id;
        String tag = read(address, alice).etag();
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> under = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            licences.edit(org.manager(), id, edited -> edited.withName("Renamed meanwhile"));
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        Answer late = change(address + "/activate", alice, tag);

        releaseLater.join();
        under.join();
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(late, address + "/activate");
        assertThat(activatedOn(id)).isNull();
        assertThat(read(address, alice).body().get("name").asString()).isEqualTo("Renamed meanwhile");
    }

    @Test
    void aRedeemedLicenceIsAnsweredWithTheETagItsReadAnswers() throws Exception {
        String code = licences.create(org.manager(), new NewLicence(plan.id(), "Hall", null, 1, null))
                .couponCode()
                .value();
        Answer redeemed = send(post("/api/v1/portal/redemptions")
                .with(bearer(alice))
                .contentType("application/json")
                .content("{\"code\": \"%s\"}".formatted(code)));
        assertThat(redeemed.status()).isEqualTo(201);
        assertThat(redeemed.etag())
                .isNotNull()
                .isEqualTo(
                        read(redeemed.response().getHeader("Location"), alice).etag());
    }

    @Test
    void ofTwoProgramsThatReadACheckedImportTheSecondToConfirmItIsToldItMovedOnNotThatItIsRefused() throws Exception {
        String address = checkedImport();
        Answer first = read(address, manager);
        Answer second = read(address, fixture.token(org.owner()));
        assertThat(first.etag()).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(second.etag());
        assertThat(send(get(address).with(bearer(manager)).header("If-None-Match", first.etag()))
                        .status())
                .isEqualTo(304);

        Answer confirmed = change(address + "/confirm", manager, first.etag());
        assertThat(confirmed.status()).isEqualTo(202);
        assertThat(confirmed.etag()).isNotNull().isNotEqualTo(first.etag());

        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                change(address + "/confirm", manager, second.etag()), address + "/confirm");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> importStatus(address).equals("IMPORTED"));
        assertThat(change(address + "/confirm", manager, "*").status()).isEqualTo(409);
        Answer imported = read(address, manager);
        assertThat(imported.body().get("created").asLong()).isEqualTo(2);
        assertThat(send(get(address).with(bearer(manager)).header("If-None-Match", imported.etag()))
                        .status())
                .isEqualTo(304);
    }

    @Test
    void anImportConfirmWithAnETagWaitsForAChangeUnderWayAndIsRefusedOnceThatOneIsSaved() throws Exception {
        String address = checkedImport();
        String tag = read(address, manager).etag();
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        long id = Long.parseLong(address.substring(address.lastIndexOf('/') + 1));
        CompletableFuture<Void> under = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            // As the console's Discard does, holding the row until released.
            jdbc.sql("update licence_import set status = 'DISCARDED' where id = ?")
                    .param(id)
                    .update();
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        Answer late = change(address + "/confirm", manager, tag);

        releaseLater.join();
        under.join();
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(late, address + "/confirm");
        assertThat(importStatus(address)).isEqualTo("DISCARDED");
    }

    @Test
    void anotherOrganisationAnotherClientAReadOnlyTokenAndNobodyAreRefusedWhateverTheirIfMatch() throws Exception {
        long id = assignedToAlice();
        String licence = "/api/v1/portal/licences/" + id;
        String anImport = checkedImport();
        TestOrganisation other = fixture.organisation();
        String bob = fixture.token(org.bob());
        String otherClient = fixture.token(other.alice());
        String otherManager = fixture.token(other.manager());
        String aliceReadOnly = fixture.readOnlyToken(org.alice());
        String managerReadOnly = fixture.readOnlyToken(org.manager());

        for (String token : List.of(bob, otherClient)) {
            assertThat(send(get(licence).with(bearer(token)).header("If-None-Match", "*"))
                            .status())
                    .isEqualTo(404);
            assertThat(change(licence + "/activate", token, "*").status()).isEqualTo(404);
        }
        assertThat(send(get(licence).with(bearer(manager)).header("If-None-Match", "*"))
                        .status())
                .isEqualTo(403);
        assertThat(change(licence + "/activate", manager, "*").status()).isEqualTo(403);
        assertThat(change(licence + "/activate", aliceReadOnly, "*").status()).isEqualTo(403);
        assertThat(send(get(licence).header("If-None-Match", "*")).status()).isEqualTo(401);
        assertThat(send(post(licence + "/activate").header("If-Match", "*")).status())
                .isEqualTo(401);
        assertThat(activatedOn(id)).isNull();

        assertThat(send(get(anImport).with(bearer(otherManager)).header("If-None-Match", "*"))
                        .status())
                .isEqualTo(404);
        assertThat(change(anImport + "/confirm", otherManager, "*").status()).isEqualTo(404);
        assertThat(send(get(anImport).with(bearer(alice)).header("If-None-Match", "*"))
                        .status())
                .isEqualTo(403);
        assertThat(change(anImport + "/confirm", alice, "*").status()).isEqualTo(403);
        assertThat(change(anImport + "/confirm", managerReadOnly, "*").status()).isEqualTo(403);
        assertThat(send(get(anImport).header("If-None-Match", "*")).status()).isEqualTo(401);
        assertThat(send(post(anImport + "/confirm").header("If-Match", "*")).status())
                .isEqualTo(401);
        assertThat(importStatus(anImport)).isEqualTo("CHECKED");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
