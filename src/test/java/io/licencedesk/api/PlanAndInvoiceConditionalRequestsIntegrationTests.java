package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.api.ConditionalRequestsIntegrationTests.Answer;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conditional requests on a plan and an invoice (decision 0135), as on a licence and a client (decision 0130): an ETag
 * on their GET and on what changes them, If-None-Match answered 304, If-Match checked under the row lock and a stale
 * one refused with a 412 that changes nothing, before the body's faults (H2; PostgreSQL below).
 */
@IntegrationTest
class PlanAndInvoiceConditionalRequestsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    /** The application's: its days are the server's zone's, not UTC's. */
    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;
    Plan plan;
    String owner;
    String secondOwner;
    String manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        owner = fixture.token(org.owner());
        secondOwner = fixture.token(org.owner());
        manager = fixture.token(org.manager());
    }

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    Answer json(MockHttpServletRequestBuilder request, String token, String ifMatch, String json) throws Exception {
        request.with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    Answer read(String address, String token) throws Exception {
        return send(get(address).with(bearer(token)));
    }

    long invoice() {
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Foyer", null, 2, org.alice().userId()))
                .id();
        return invoicing.send(org.manager(), List.of(licence)).issued().get(0).id();
    }

    String invoiceStatus(long id) {
        return jdbc.sql("select status from invoice where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    String planName(long id) {
        return jdbc.sql("select name from plan where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void ofTwoOwnersWhoReadAPlanTheSecondToChangeItIsRefusedBeforeItsBodyAndChangesNothing() throws Exception {
        String address = "/api/v1/plans/" + plan.id();
        Answer first = read(address, owner);
        Answer second = read(address, secondOwner);
        assertThat(first.etag()).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(second.etag());
        Answer unchanged = send(get(address).with(bearer(manager)).header("If-None-Match", first.etag()));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isNull();

        Answer changed = json(patch(address), owner, first.etag(), "{\"unitPrice\": \"12.00\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag())
                .isNotEqualTo(first.etag())
                .isEqualTo(read(address, manager).etag());

        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                json(patch(address), secondOwner, second.etag(), "{\"name\": \"Monthly plus\"}"), address);
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                json(patch(address), secondOwner, second.etag(), "{\"name\": \"\"}"), address);
        assertThat(planName(plan.id())).isEqualTo(plan.name());
        assertThat(read(address, manager).etag()).isEqualTo(changed.etag());
        assertThat(json(patch(address), secondOwner, "*", "{\"name\": \"\"}").status())
                .isEqualTo(422);
        assertThat(json(patch(address), secondOwner, changed.etag(), "{\"name\": \"Monthly plus\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPlanCreatedAnswersTheETagItsReadAnswers() throws Exception {
        Answer created = json(
                post("/api/v1/plans"),
                owner,
                null,
                "{\"name\": \"Weekly\", \"term\": \"P7D\", \"unitPrice\": \"3.00\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag())
                .isNotNull()
                .isEqualTo(
                        read(created.response().getHeader("Location"), manager).etag());
    }

    @Test
    void aPlanChangeWithAnETagWaitsForAChangeUnderWayAndIsRefusedOnceThatOneIsSaved() throws Exception {
        String address = "/api/v1/plans/" + plan.id();
        String tag = read(address, owner).etag();
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> under = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            plans.updatePlan(
                    org.owner(),
                    plan.id(),
                    current -> new NewPlan(
                            "Renamed meanwhile",
                            current.term(),
                            current.unitPrice().amount()));
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        Answer late = json(patch(address), owner, tag, "{\"unitPrice\": \"99.00\"}");

        releaseLater.join();
        under.join();
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(late, address);
        JsonNode now = read(address, manager).body();
        assertThat(now.get("name").asString()).isEqualTo("Renamed meanwhile");
        assertThat(new BigDecimal(now.get("unitPrice").get("amount").asString()))
                .isEqualByComparingTo(plan.unitPrice().amount());
    }

    @Test
    void anInvoiceReadAnswersItsETagA304WhileUnchangedAndEachChangeItsNewETag() throws Exception {
        long id = invoice();
        String address = "/api/v1/invoices/" + id;
        Answer first = read(address, manager);
        assertThat(first.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(send(get(address).with(bearer(owner)).header("If-None-Match", first.etag()))
                        .status())
                .isEqualTo(304);

        Answer paid = json(post(address + "/pay"), manager, first.etag(), "{\"paidOn\": \"%s\"}".formatted(today()));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.etag())
                .isNotEqualTo(first.etag())
                .isEqualTo(read(address, manager).etag());
        Answer unpaid = send(post(address + "/unpay").with(bearer(manager)).header("If-Match", paid.etag()));
        assertThat(unpaid.status()).isEqualTo(200);
        assertThat(unpaid.etag()).isEqualTo(read(address, manager).etag());
        Answer resent = send(post(address + "/resend").with(bearer(manager)).header("If-Match", unpaid.etag()));
        assertThat(resent.status()).isIn(200, 409);
        Answer voided = json(
                post(address + "/void"), manager, read(address, manager).etag(), "{\"reason\": \"Wrong company\"}");
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.etag()).isEqualTo(read(address, manager).etag());
    }

    @Test
    void anInvoiceChangedSinceItWasReadIsNotChangedAgainAndTheStaleTagIsToldBeforeTheBodysFaults() throws Exception {
        long id = invoice();
        String address = "/api/v1/invoices/" + id;
        String stale = read(address, manager).etag();
        assertThat(json(post(address + "/pay"), owner, null, "{\"paidOn\": \"%s\"}".formatted(today()))
                        .status())
                .isEqualTo(200);

        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                json(post(address + "/void"), manager, stale, "{\"reason\": \"Twice\"}"), address + "/void");
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                json(post(address + "/void"), manager, stale, "{\"reason\": \"\"}"), address + "/void");
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                json(post(address + "/pay"), manager, stale, "{}"), address + "/pay");
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                send(post(address + "/unpay").with(bearer(manager)).header("If-Match", stale)), address + "/unpay");
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(
                send(post(address + "/resend").with(bearer(manager)).header("If-Match", stale)), address + "/resend");
        assertThat(invoiceStatus(id)).isEqualTo("PAID");
    }

    @Test
    void anInvoiceChangeWithAnETagWaitsForAChangeUnderWayAndIsRefusedOnceThatOneIsSaved() throws Exception {
        long id = invoice();
        String address = "/api/v1/invoices/" + id;
        String tag = read(address, manager).etag();
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> under = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            invoicing.markPaid(org.manager(), id, today(), "BANK-1");
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        Answer late = json(post(address + "/void"), owner, tag, "{\"reason\": \"Sent to the wrong company\"}");

        releaseLater.join();
        under.join();
        ConditionalRequestsIntegrationTests.assertPreconditionFailed(late, address + "/void");
        assertThat(invoiceStatus(id)).isEqualTo("PAID");
    }

    @Test
    void anotherOrganisationAClientAReadOnlyTokenAndNobodyAreRefusedWhateverTheirIfMatch() throws Exception {
        long id = invoice();
        String invoice = "/api/v1/invoices/" + id;
        String planAddress = "/api/v1/plans/" + plan.id();
        TestOrganisation other = fixture.organisation();
        String otherOwner = fixture.token(other.owner());
        String aClient = fixture.token(org.alice());
        String readOnly = fixture.readOnlyToken(org.owner());
        String pay = "{\"paidOn\": \"%s\"}".formatted(today());

        for (String address : List.of(invoice, planAddress)) {
            assertThat(send(get(address).with(bearer(otherOwner)).header("If-None-Match", "*"))
                            .status())
                    .isEqualTo(404);
            assertThat(send(get(address).with(bearer(aClient)).header("If-None-Match", "*"))
                            .status())
                    .isEqualTo(403);
            assertThat(send(get(address).header("If-None-Match", "*")).status()).isEqualTo(401);
        }
        assertThat(json(patch(planAddress), otherOwner, "*", "{\"name\": \"X\"}")
                        .status())
                .isEqualTo(404);
        assertThat(json(patch(planAddress), aClient, "*", "{\"name\": \"X\"}").status())
                .isEqualTo(403);
        assertThat(json(patch(planAddress), readOnly, "*", "{\"name\": \"X\"}").status())
                .isEqualTo(403);
        assertThat(send(patch(planAddress)
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("If-Match", "*")
                                .content("{\"name\": \"X\"}"))
                        .status())
                .isEqualTo(401);
        assertThat(json(post(invoice + "/pay"), otherOwner, "*", pay).status()).isEqualTo(404);
        assertThat(json(post(invoice + "/pay"), aClient, "*", pay).status()).isEqualTo(403);
        assertThat(json(post(invoice + "/pay"), readOnly, "*", pay).status()).isEqualTo(403);
        assertThat(send(post(invoice + "/pay")
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("If-Match", "*")
                                .content(pay))
                        .status())
                .isEqualTo(401);
        for (String action : List.of("/unpay", "/resend")) {
            assertThat(send(post(invoice + action).with(bearer(otherOwner)).header("If-Match", "*"))
                            .status())
                    .isEqualTo(404);
            assertThat(send(post(invoice + action).with(bearer(readOnly)).header("If-Match", "*"))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(planName(plan.id())).isEqualTo(plan.name());
        assertThat(invoiceStatus(id)).isNotEqualTo("PAID");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
