package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reseller's integration, end to end over the REST API: plans and clients, a licence redeemed by the client's
 * own token, screens, invoices sent, paid and read as PDF (H2; PostgreSQL in the subclass).
 */
@IntegrationTest
class RestApiScenarioIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    String owner;
    String manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        owner = fixture.token(org.owner());
        manager = fixture.token(org.manager());
    }

    record Answer(int status, JsonNode body, MockHttpServletResponse response) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw =
                response.getContentType() != null && response.getContentType().contains("json")
                        ? response.getContentAsString(StandardCharsets.UTF_8)
                        : "";
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    long emails() {
        return jdbc.sql("select count(*) from outbound_email").query(Long.class).single();
    }

    Answer json(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return send(request.with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /**
     * A code pasted from an e-mail or a PDF, with a no-break space or an en dash between its halves, is read by
     * CouponCode.parse as if typed with a space or hyphen: the REST API redeems it as the portal's form does.
     */
    @Test
    void redeemsACodePastedWithANoBreakSpaceOrAnEnDash() throws Exception {
        Answer plan = json(
                post("/api/v1/plans"), owner, "{\"name\": \"Pasted\", \"term\": \"P1M\", \"unitPrice\": \"10.00\"}");
        long planId = plan.body().get("id").asLong();
        String alice = fixture.token(org.alice());
        for (String between : new String[] {"\\u00A0", "\\u2013"}) {
            Answer licence = json(
                    post("/api/v1/licences"),
                    manager,
                    "{\"planId\": %d, \"name\": \"Lobby\", \"quantity\": 1}".formatted(planId));
            String code = licence.body().get("code").asString();
            String pasted = code.substring(0, 4).toLowerCase() + between + code.substring(4);
            Answer redeemed = json(post("/api/v1/portal/redemptions"), alice, "{\"code\": \"" + pasted + "\"}");
            assertThat(redeemed.status()).as(pasted).isEqualTo(201);
            assertThat(redeemed.body().get("id").asLong())
                    .isEqualTo(licence.body().get("id").asLong());
        }
    }

    @Test
    void aResellersIntegrationRunsEndToEnd() throws Exception {
        // an owner makes a plan; a manager may read it but not change it
        Answer plan = json(
                post("/api/v1/plans"), owner, "{\"name\": \"Quarterly\", \"term\": \"P3M\", \"unitPrice\": \"30.00\"}");
        assertThat(plan.status()).isEqualTo(201);
        long planId = plan.body().get("id").asLong();
        assertThat(plan.body().get("unitPrice").get("amount").asString()).isEqualTo("30.00");
        assertThat(send(get("/api/v1/plans/" + planId).with(bearer(manager))).status())
                .isEqualTo(200);
        assertThat(json(patch("/api/v1/plans/" + planId), manager, "{\"unitPrice\": \"1.00\"}")
                        .status())
                .isEqualTo(403);
        Answer repriced = json(patch("/api/v1/plans/" + planId), owner, "{\"unitPrice\": \"35.00\"}");
        assertThat(repriced.body().get("unitPrice").get("amount").asString()).isEqualTo("35.00");
        assertThat(repriced.body().get("name").asString()).isEqualTo("Quarterly");

        // a manager adds a client and changes one field of it
        Answer client = json(
                post("/api/v1/clients"),
                manager,
                "{\"name\": \"Carla Diaz\", \"email\": \"carla-%d@example.com\", \"company\": \"Kino\"}"
                        .formatted(org.id()));
        assertThat(client.status()).isEqualTo(201);
        long clientId = client.body().get("id").asLong();
        Answer changed = json(patch("/api/v1/clients/" + clientId), manager, "{\"company\": \"Kino Sur\"}");
        assertThat(changed.body().get("company").asString()).isEqualTo("Kino Sur");
        assertThat(changed.body().get("name").asString()).isEqualTo("Carla Diaz");
        assertThat(send(get("/api/v1/clients?q=carla").with(bearer(manager)))
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(send(post("/api/v1/clients/" + clientId + "/invite").with(bearer(manager)))
                        .status())
                .isEqualTo(202);

        // an unassigned licence, redeemed by Alice with her own token
        Answer licence = json(
                post("/api/v1/licences"),
                manager,
                "{\"planId\": %d, \"name\": \"Foyer\", \"quantity\": 2}".formatted(planId));
        String code = licence.body().get("code").asString();
        long licenceId = licence.body().get("id").asLong();
        String alice = fixture.token(org.alice());
        Answer wrongCode = json(post("/api/v1/portal/redemptions"), alice, "{\"code\": \"NOPE-NOPE-NOPE\"}");
        assertThat(wrongCode.status()).isEqualTo(422);
        Answer redeemed = json(post("/api/v1/portal/redemptions"), alice, "{\"code\": \"" + code + "\"}");
        assertThat(redeemed.status()).isEqualTo(201);
        assertThat(redeemed.body().get("status").asString()).isEqualTo("active");
        assertThat(send(get("/api/v1/portal/licences").with(bearer(alice)))
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        // Bob's token sees none of it
        String bob = fixture.token(org.bob());
        assertThat(send(get("/api/v1/portal/licences/" + licenceId).with(bearer(bob)))
                        .status())
                .isEqualTo(404);

        // screens: register (credential once), rename, remove
        Answer screen = json(post("/api/v1/portal/licences/" + licenceId + "/screens"), alice, "{\"name\": \"Left\"}");
        assertThat(screen.status()).isEqualTo(201);
        assertThat(screen.body().get("credential").asString()).isNotBlank();
        long screenId = screen.body().get("screen").get("id").asLong();
        Answer renamed = json(
                patch("/api/v1/portal/licences/" + licenceId + "/screens/" + screenId), alice, "{\"name\": \"Right\"}");
        assertThat(renamed.body().get("name").asString()).isEqualTo("Right");
        assertThat(send(delete("/api/v1/portal/licences/" + licenceId + "/screens/" + screenId)
                                .with(bearer(bob)))
                        .status())
                .isEqualTo(404);
        assertThat(send(delete("/api/v1/portal/licences/" + licenceId + "/screens/" + screenId)
                                .with(bearer(alice)))
                        .status())
                .isEqualTo(204);

        // invoices: sent, listed, read as PDF both ways, paid; the client sees theirs
        long emailsBefore = emails();
        Answer sent = json(
                post("/api/v1/invoices/send").header("Idempotency-Key", "order-1187"),
                manager,
                "{\"licenceIds\": [" + licenceId + "]}");
        assertThat(sent.status()).isEqualTo(200);
        long invoiceId = sent.body().get("issued").get(0).get("id").asLong();
        // the same key again (a retry after a timeout) sends nothing more and answers the same
        Answer retried = json(
                post("/api/v1/invoices/send").header("Idempotency-Key", "order-1187"),
                manager,
                "{\"licenceIds\": [" + licenceId + "]}");
        assertThat(retried.response().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body()).isEqualTo(sent.body());
        assertThat(emails()).isEqualTo(emailsBefore + 1);
        assertThat(sent.body().get("issued").get(0).get("total").get("currency").asString())
                .isEqualTo("EUR");
        Answer again = json(post("/api/v1/invoices/send"), manager, "{\"licenceIds\": [" + licenceId + "]}");
        // the same invoice, not a second: sent again, or listed as waiting while its first e-mail has not gone yet
        assertThat(again.body().get("issued")).isEmpty();
        assertThat(again.body().get("resent").size()
                        + again.body().get("waiting").size())
                .isEqualTo(1);
        JsonNode existing = again.body().get("resent").isEmpty()
                ? again.body().get("waiting").get(0)
                : again.body().get("resent").get(0);
        assertThat(existing.get("id").asLong()).isEqualTo(invoiceId);
        assertThat(json(post("/api/v1/invoices/send"), manager, "{\"licenceIds\": []}")
                        .status())
                .isEqualTo(422);
        Answer pdf = send(get("/api/v1/invoices/" + invoiceId + "/pdf").with(bearer(manager)));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.response().getContentAsByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        Answer pdfByAccept =
                send(get("/api/v1/invoices/" + invoiceId).with(bearer(manager)).accept(MediaType.APPLICATION_PDF));
        assertThat(pdfByAccept.response().getContentType()).isEqualTo("application/pdf");
        Answer future = json(
                post("/api/v1/invoices/" + invoiceId + "/pay"),
                manager,
                "{\"paidOn\": \"" + LocalDate.now(clock).plusDays(3) + "\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body().get("errors").get(0).get("field").asString()).isEqualTo("paidOn");
        Answer paid = json(
                post("/api/v1/invoices/" + invoiceId + "/pay"),
                manager,
                "{\"paidOn\": \"" + LocalDate.now(clock) + "\", \"reference\": \"BANK-1\"}");
        assertThat(paid.body().get("status").asString()).isEqualTo("paid");
        assertThat(send(get("/api/v1/invoices?status=paid").with(bearer(manager)))
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(send(get("/api/v1/portal/invoices").with(bearer(alice)))
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(send(get("/api/v1/portal/invoices/" + invoiceId + "/pdf").with(bearer(alice)))
                        .status())
                .isEqualTo(200);
        assertThat(send(get("/api/v1/portal/invoices/" + invoiceId).with(bearer(bob)))
                        .status())
                .isEqualTo(404);
        // a paid invoice is not voided (decision 0082): its payment is recorded on it
        assertThat(json(post("/api/v1/invoices/" + invoiceId + "/void"), manager, "{\"reason\": \"Refunded\"}")
                        .status())
                .isEqualTo(409);
        assertThat(send(get("/api/v1/invoices/" + invoiceId).with(bearer(manager)))
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("paid");
        // a staff token is not a client's, and a client's is not staff
        assertThat(send(get("/api/v1/portal/licences").with(bearer(manager))).status())
                .isEqualTo(403);
        assertThat(send(get("/api/v1/invoices").with(bearer(alice))).status()).isEqualTo(403);
    }
}
