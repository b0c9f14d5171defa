package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.renewals.RenewalCycle;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

/** The invoices of the REST API as an integrator meets them: the list's status groups, and what void refuses. */
@IntegrationTest
class InvoiceApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    RenewalPreferences preferences;

    @Autowired
    RenewalCycle cycle;

    TestOrganisation org;
    Plan plan;
    String staff;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        staff = fixture.token(org.owner());
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(bearer(staff))).andReturn().getResponse();
    }

    JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        var response = call(request);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(200, 299);
        return JSON.readTree(body);
    }

    List<Long> sent(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(""
                    + licences.create(
                                    org.manager(),
                                    new NewLicence(
                                            plan.id(),
                                            "Screen " + i,
                                            null,
                                            1,
                                            org.alice().userId()))
                            .id());
        }
        JsonNode outcome = ok(post("/api/v1/invoices/send")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"licenceIds\": [" + String.join(", ", ids) + "]}"));
        List<Long> invoices = new ArrayList<>();
        outcome.get("issued").forEach(invoice -> invoices.add(invoice.get("id").asLong()));
        return invoices;
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    MockHttpServletRequestBuilder voiding(long invoice, String reason) {
        return post("/api/v1/invoices/" + invoice + "/void")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"" + reason + "\"}");
    }

    /**
     * The console's links write "not-void" and the API documents "not_void": both are read, and mean the same as in
     * the console, which reads the same one list of groups (InvoiceStatusChoice).
     */
    /**
     * Sending invoices for a licence that is not one of the organisation's answered a 404, "There is no such object,
     * or it is not yours.", without saying which of up to 20 ids. It is the body's field that is refused, as a
     * licence's planId or clientId not of yours is: a 422 naming it, with the same words for another organisation's
     * licence and an id of nobody, and nothing sent.
     */
    @Test
    void refusesALicenceNotOfYoursNamingItWithTheSameWordsEitherWay() throws Exception {
        long own = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 1, org.alice().userId()))
                .id();
        TestOrganisation other = fixture.organisation();
        long others = licences.create(
                        other.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(other).id(),
                                "Lobby",
                                null,
                                1,
                                other.alice().userId()))
                .id();
        for (long notYours : List.of(others, Long.MAX_VALUE)) {
            var response = call(post("/api/v1/invoices/send")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"licenceIds\": [%d, %d]}".formatted(own, notYours)));
            JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(response.getStatus()).as(problem.toString()).isEqualTo(422);
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/validation");
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("licenceIds[1]");
            assertThat(problem.at("/errors/0/detail").asString())
                    .isEqualTo("Licence " + notYours + " is not one of your licences.");
        }
        assertThat(jdbc.sql("select count(*) from invoice where organisation_id in (?, ?)")
                        .param(org.id())
                        .param(other.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Sending invoices for licences without a client answered a 422 `refused` whose detail named the first one's
     * coupon code, and no `errors`: a program could not tell which of up to 20 ids to fix. Each is now named as a
     * licence not of yours is, `licenceIds[i]` with its id, code and why, in the same English whatever language the
     * request accepts (problem details are English, decision 0053), and nothing is issued.
     */
    @Test
    void namesEveryLicenceWithoutAClientAndIssuesNothing() throws Exception {
        long withClient = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 1, org.alice().userId()))
                .id();
        long hall = licences.create(org.manager(), new NewLicence(plan.id(), "Hall", null, 1, null))
                .id();
        long foyer = licences.create(org.manager(), new NewLicence(plan.id(), "Foyer", null, 1, null))
                .id();

        for (String language : List.of("en-GB", "fr")) {
            var response = call(post("/api/v1/invoices/send")
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"licenceIds\": [%d, %d, %d]}".formatted(withClient, hall, foyer)));
            JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));

            assertThat(response.getStatus()).as(problem.toString()).isEqualTo(422);
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/validation");
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(error -> error.get("field").asString()))
                    .containsExactly("licenceIds[1]", "licenceIds[2]");
            assertThat(problem.at("/errors/0/detail").asString())
                    .isEqualTo("Licence %d (%s) has no client, so it cannot be invoiced: give it one (clientId) first."
                            .formatted(hall, code(hall)));
            assertThat(problem.at("/errors/1/detail").asString()).contains(Long.toString(foyer), code(foyer));
            assertThat(problem.get("detail").asString()).isEqualTo("Some fields are not valid.");
        }
        assertThat(jdbc.sql("select count(*) from invoice where organisation_id = ?")
                        .param(org.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Every id of the body that is not one of yours is named, not only the first. */
    @Test
    void namesEveryLicenceNotOfYours() throws Exception {
        long own = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 1, org.alice().userId()))
                .id();

        var response = call(post("/api/v1/invoices/send")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"licenceIds\": [%d, %d, %d]}".formatted(Long.MAX_VALUE, own, Long.MAX_VALUE - 1)));
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));

        assertThat(response.getStatus()).as(problem.toString()).isEqualTo(422);
        assertThat(problem.get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .containsExactly("licenceIds[0]", "licenceIds[2]");
    }

    /**
     * The answer's invoices came in id order whatever the order of licenceIds: a program that matched them to its ids
     * by position (the first invoice for the first id) filed each against the wrong licence. Each list is in the
     * request's order, a new invoice as much as one sent again, and numbers are given in that order too.
     */
    @Test
    void answersTheInvoicesInTheOrderOfTheRequestsLicenceIds() throws Exception {
        List<Long> made = new ArrayList<>();
        for (String name : List.of("Lobby", "Hall", "Foyer", "Bar")) {
            made.add(licences.create(
                            org.manager(),
                            new NewLicence(plan.id(), name, null, 1, org.alice().userId()))
                    .id());
        }
        List<Long> asked = List.of(made.get(2), made.get(0), made.get(1));

        JsonNode first = ok(post("/api/v1/invoices/send")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"licenceIds\": %s}".formatted(asked)));

        assertThat(licenceIds(first.get("issued"))).containsExactlyElementsOf(asked);
        List<String> numbers = new ArrayList<>();
        first.get("issued").forEach(invoice -> numbers.add(invoice.get("number").asString()));
        assertThat(numbers).isSorted();

        jdbc.sql("update outbound_email set status = 'SENT' where organisation_id = ?")
                .param(org.id())
                .update();
        List<Long> again = List.of(made.get(1), made.get(3), made.get(2), made.get(0));
        JsonNode second = ok(post("/api/v1/invoices/send")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"licenceIds\": %s}".formatted(again)));

        assertThat(licenceIds(second.get("resent"))).containsExactly(made.get(1), made.get(2), made.get(0));
        assertThat(licenceIds(second.get("issued"))).containsExactly(made.get(3));
    }

    static List<Long> licenceIds(JsonNode invoices) {
        return invoices.valueStream()
                .map(invoice -> invoice.get("licenceId").asLong())
                .toList();
    }

    String code(long licence) {
        return jdbc.sql("select coupon_code from licence where id = ?")
                .param(licence)
                .query(String.class)
                .single();
    }

    @Test
    void readsAllButVoidInBothSpellings() throws Exception {
        List<Long> invoices = sent(2);
        ok(voiding(invoices.get(1), "Wrong client"));

        for (String spelling : List.of("not_void", "not-void", "NOT_VOID")) {
            assertThat(ids(ok(get("/api/v1/invoices?status=" + spelling))))
                    .as(spelling)
                    .containsExactly(invoices.get(0));
        }
        assertThat(ids(ok(get("/api/v1/invoices?status=void")))).containsExactly(invoices.get(1));
        var refused = call(get("/api/v1/invoices?status=not void"));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Use one of issued, sent, paid, void, unpaid, overdue, not_void.");
    }

    /**
     * A paid invoice is not voided (decision 0082): voiding it put its licence back to Unbilled with the payment
     * recorded nowhere. A 409 problem that says why, and nothing changes.
     */
    @Test
    void refusesToVoidAPaidInvoiceWithAProblemThatSaysWhy() throws Exception {
        long invoice = sent(1).get(0);
        JsonNode read = ok(get("/api/v1/invoices/" + invoice));
        String number = read.get("number").asString();
        long licence = read.get("licenceId").asLong();
        ok(post("/api/v1/invoices/" + invoice + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"" + read.get("issuedOn").asString() + "\"}"));

        var refused = call(voiding(invoice, "Refunded"));
        JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Invoice " + number + " is paid, so it cannot be voided: the payment is recorded on it.");
        JsonNode after = ok(get("/api/v1/invoices/" + invoice));
        assertThat(after.get("status").asString()).isEqualTo("paid");
        assertThat(after.get("voidReason").isNull()).isTrue();
        assertThat(licences.details(org.manager(), licence).billingStatus()).isEqualTo(BillingStatus.PAID);
    }

    @Test
    void voidsAnUnpaidInvoiceOnceAndRefusesTheSecondTime() throws Exception {
        long invoice = sent(1).get(0);

        assertThat(ok(voiding(invoice, "Wrong client")).get("status").asString())
                .isEqualTo("void");
        var again = call(voiding(invoice, "Again"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(again.getContentAsString(StandardCharsets.UTF_8))
                        .get("detail")
                        .asString())
                .endsWith("is already void.");
    }

    /**
     * A payment date before the issue is the invoice's rule: it was answered only once the body's annotations
     * passed, one round-trip after a too-long reference. One 422 names both fields (decision 0077).
     */
    @Test
    void namesADateBeforeTheIssueBesideTheBodysOtherRefusals() throws Exception {
        long invoice = sent(1).get(0);
        java.time.LocalDate issuedOn = java.time.LocalDate.parse(
                ok(get("/api/v1/invoices/" + invoice)).get("issuedOn").asString());

        var refused = call(post("/api/v1/invoices/" + invoice + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"paidOn\": \"" + issuedOn.minusDays(1) + "\", \"reference\": \"" + "r".repeat(101) + "\"}"));
        JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));

        assertThat(refused.getStatus()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("paidOn", "reference");
        assertThat(problem.toString()).contains("The payment date cannot be before the invoice was issued");
        assertThat(ok(get("/api/v1/invoices/" + invoice)).get("status").asString())
                .isEqualTo("issued");
        // another organisation's invoice is a 404 whatever the body says
        var elsewhere = mvc.perform(post("/api/v1/invoices/" + invoice + "/pay")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference\": \"" + "r".repeat(101) + "\"}")
                        .with(bearer(fixture.token(fixture.organisation().owner()))))
                .andReturn()
                .getResponse();
        assertThat(elsewhere.getStatus()).isEqualTo(404);
    }

    /**
     * A payment date no payment can have (in the future, before the issue) is the body's 422 whatever the invoice's
     * status (docs/api.md: 422 when the request can never succeed as sent): on a paid or void invoice it was the 409
     * of its status, unless another field of the body was refused too, when it was the 422 naming both.
     */
    @Test
    void refusesAPaymentDateNoPaymentCanHaveAsTheBodysFaultWhateverTheStatus() throws Exception {
        List<Long> invoices = sent(2);
        long paid = invoices.get(0);
        long voided = invoices.get(1);
        String issuedOn = ok(get("/api/v1/invoices/" + paid)).get("issuedOn").asString();
        ok(post("/api/v1/invoices/" + paid + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"" + issuedOn + "\"}"));
        ok(voiding(voided, "Wrong client"));
        String future = java.time.LocalDate.parse(issuedOn).plusYears(2).toString();
        for (long invoice : List.of(paid, voided)) {
            var refused = call(post("/api/v1/invoices/" + invoice + "/pay")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"paidOn\": \"" + future + "\"}"));
            JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));

            assertThat(refused.getStatus()).as("invoice " + invoice).isEqualTo(422);
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/validation");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("paidOn");
            assertThat(problem.get("detail").asString()).isEqualTo("The payment date cannot be in the future.");
        }
        // a date a payment can have is still refused by the status, with the 409 that says why
        var again = call(post("/api/v1/invoices/" + paid + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"" + issuedOn + "\"}"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(ok(get("/api/v1/invoices/" + paid)).get("paidOn").asString()).isEqualTo(issuedOn);
        assertThat(ok(get("/api/v1/invoices/" + voided)).get("status").asString())
                .isEqualTo("void");
    }

    /**
     * A payment marked by mistake is removed with POST …/unpay (decision 0086): the invoice is to be paid again, its
     * licence Invoiced; a second try is the 409 conflict problem. Another organisation's owner gets a 404, a client
     * and nobody are refused, and none of them changes it.
     */
    @Test
    void removesAPaymentAndRefusesAnInvoiceNotPaidAnotherOrganisationAClientAndNobody() throws Exception {
        long invoice = sent(1).get(0);
        JsonNode read = ok(get("/api/v1/invoices/" + invoice));
        String number = read.get("number").asString();
        long licence = read.get("licenceId").asLong();
        ok(post("/api/v1/invoices/" + invoice + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"" + read.get("issuedOn").asString() + "\", \"reference\": \"BANK-1\"}"));

        var elsewhere = mvc.perform(post("/api/v1/invoices/" + invoice + "/unpay")
                        .with(bearer(fixture.token(fixture.organisation().owner()))))
                .andReturn()
                .getResponse();
        var client = mvc.perform(
                        post("/api/v1/invoices/" + invoice + "/unpay").with(bearer(fixture.token(org.alice()))))
                .andReturn()
                .getResponse();
        var nobody = mvc.perform(post("/api/v1/invoices/" + invoice + "/unpay"))
                .andReturn()
                .getResponse();
        assertThat(elsewhere.getStatus()).isEqualTo(404);
        assertThat(client.getStatus()).isEqualTo(403);
        assertThat(nobody.getStatus()).isEqualTo(401);
        assertThat(ok(get("/api/v1/invoices/" + invoice)).get("status").asString())
                .isEqualTo("paid");

        JsonNode unpaid = ok(post("/api/v1/invoices/" + invoice + "/unpay"));

        assertThat(unpaid.get("status").asString()).isEqualTo("issued");
        assertThat(unpaid.get("paidOn").isNull()).isTrue();
        assertThat(unpaid.get("paymentReference").isNull()).isTrue();
        assertThat(licences.details(org.manager(), licence).billingStatus()).isEqualTo(BillingStatus.INVOICED);
        var again = call(post("/api/v1/invoices/" + invoice + "/unpay"));
        JsonNode problem = JSON.readTree(again.getContentAsString(StandardCharsets.UTF_8));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Invoice " + number + " is issued, so it has no payment to remove.");
    }
    /**
     * The payment of an earlier term's invoice, removed after the licence renewed (decision 0088): the invoice is owed
     * again, and the licence keeps its new term's billing, which that payment never made Paid.
     */
    @Test
    void removesThePaymentOfAnEarlierTermsInvoiceAndLeavesTheNewTermsBillingAlone() throws Exception {
        long licence = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Renewed",
                testLicences.today().minusDays(20));
        JsonNode first = ok(post("/api/v1/invoices/send")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [" + licence + "]}"))
                .get("issued")
                .get(0);
        long invoice = first.get("id").asLong();
        ok(post("/api/v1/invoices/" + invoice + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"" + first.get("issuedOn").asString() + "\"}"));
        ok(post("/api/v1/licences/" + licence + "/renew"));

        JsonNode unpaid = ok(post("/api/v1/invoices/" + invoice + "/unpay"));

        assertThat(unpaid.get("status").asString()).isEqualTo("issued");
        assertThat(unpaid.get("paidOn").isNull()).isTrue();
        JsonNode renewed = ok(get("/api/v1/licences/" + licence));
        assertThat(renewed.get("termNumber").asInt()).isEqualTo(2);
        assertThat(renewed.get("billingStatus").asString()).isEqualTo("invoiced");
    }
    /**
     * Sending again an invoice whose e-mail is still waiting in the outbox queued nothing, yet answered 200 as if it
     * had (decision 0088): it is now the 409 conflict problem saying so. Once that e-mail has gone, it is queued.
     */
    @Test
    void sendingAgainWhileTheEmailIsStillWaitingIsAConflictThatQueuesNothing() throws Exception {
        long invoice = sent(1).get(0);
        String number = ok(get("/api/v1/invoices/" + invoice)).get("number").asString();
        // Still waiting, whatever the outbox's dispatcher (every second) did meanwhile: had it sent the e-mail already,
        // the resend would rightly queue another one.
        jdbc.sql("""
                        update outbound_email set status = 'PENDING', next_attempt_at = ?
                        where subject_type = 'INVOICE' and subject_id = ?
                        """)
                .params(Timestamp.from(clock.instant().plusSeconds(3600)), invoice)
                .update();

        var waiting = call(post("/api/v1/invoices/" + invoice + "/resend"));

        JsonNode problem = JSON.readTree(waiting.getContentAsString(StandardCharsets.UTF_8));
        assertThat(waiting.getStatus()).isEqualTo(409);
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        "The e-mail of invoice " + number + " is already waiting to be sent: nothing more was queued.");
        assertThat(jdbc.sql("select count(*) from outbound_email where subject_type = 'INVOICE' and subject_id = ?")
                        .param(invoice)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        jdbc.sql("update outbound_email set status = 'SENT' where subject_type = 'INVOICE' and subject_id = ?")
                .param(invoice)
                .update();
        assertThat(ok(post("/api/v1/invoices/" + invoice + "/resend"))
                        .get("number")
                        .asString())
                .isEqualTo(number);
        assertThat(jdbc.sql("select count(*) from outbound_email where subject_type = 'INVOICE' and subject_id = ?")
                        .param(invoice)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
    /**
     * A licence its overdue renewal invoice paused, resumed by marking that invoice paid, stayed running when the
     * payment was removed (decision 0088): it is paused again, as the invoice is still overdue.
     */
    @Test
    void removingThePaymentThatResumedAnOverdueLicencePausesItAgain() throws Exception {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        long licence = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Overdue",
                testLicences.today().minusDays(20));
        ok(post("/api/v1/licences/" + licence + "/renew"));
        long renewal = invoicing.forLicence(org.manager(), licence).get(0).id();
        jdbc.sql("update invoice set due_on = ? where id = ?")
                .params(java.sql.Date.valueOf(testLicences.today().minusDays(31)), renewal)
                .update();
        cycle.run(org.id());
        var pausedForOverdue = ok(get("/api/v1/licences/" + licence));
        assertThat(pausedForOverdue.get("status").asString()).isEqualTo("paused");
        // why, as the device API's check-in says PAUSED_OVERDUE: the payment resumes it, not the account manager
        assertThat(pausedForOverdue.get("pauseReason").asString()).isEqualTo("overdue");
        ok(post("/api/v1/invoices/" + renewal + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"" + testLicences.today() + "\"}"));
        var resumed = ok(get("/api/v1/licences/" + licence));
        assertThat(resumed.get("status").asString()).isEqualTo("active");
        assertThat(resumed.get("pauseReason").isNull()).isTrue();

        ok(post("/api/v1/invoices/" + renewal + "/unpay"));

        assertThat(ok(get("/api/v1/licences/" + licence)).get("status").asString())
                .isEqualTo("paused");
    }
}
