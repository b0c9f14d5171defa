package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body with several faults is answered with ONE 422 naming every refused field, as the console's forms show every
 * error at once, and nothing is created or changed (decision 0077). Faults that mean something else keep their own
 * status: another organisation's object is still 404, a taken name still 409 once the body itself is right.
 */
@IntegrationTest
class RestApiFieldRefusalsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    TestOrganisation other;
    Plan plan;
    String managerToken;
    String ownerToken;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        managerToken = fixture.token(org.manager());
        ownerToken = fixture.token(org.owner());
    }

    record Answer(int status, JsonNode body) {

        /** Each field the problem names, with its detail, in the order given. */
        Map<String, String> errors() {
            var errors = new java.util.LinkedHashMap<String, String>();
            body.get("errors")
                    .forEach(error -> errors.put(
                            error.get("field").asString(), error.get("detail").asString()));
            return errors;
        }

        List<String> fields() {
            var fields = new ArrayList<String>();
            body.get("errors").forEach(error -> fields.add(error.get("field").asString()));
            return fields;
        }
    }

    Answer send(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        var response = mvc.perform(request.with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw));
    }

    static void assertOneValidationProblem(Answer answer) {
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("type").asString()).endsWith("/validation");
        assertThat(answer.body().get("detail").asString()).isEqualTo("Some fields are not valid.");
        answer.errors().values().forEach(detail -> assertThat(detail).isNotBlank());
    }

    long licenceCount(TestOrganisation organisation) {
        return jdbc.sql("select count(*) from licence where organisation_id = ?")
                .param(organisation.id())
                .query(Long.class)
                .single();
    }

    long planCount(TestOrganisation organisation) {
        return jdbc.sql("select count(*) from plan where organisation_id = ?")
                .param(organisation.id())
                .query(Long.class)
                .single();
    }

    long userCount(TestOrganisation organisation) {
        return jdbc.sql("select count(*) from app_user where organisation_id = ?")
                .param(organisation.id())
                .query(Long.class)
                .single();
    }

    // Licences

    @Test
    void aNewLicenceWithSeveralFaultsIsRefusedWithEveryFieldInOneProblem() throws Exception {
        String body = """
                {"planId": 999999999, "name": "%s", "note": "<b>bold</b>", "quantity": 0, "clientId": 999999999}""".formatted("x".repeat(300));

        Answer answer = send(post("/api/v1/licences"), managerToken, body);

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("planId", "name", "note", "quantity", "clientId");
        assertThat(answer.errors())
                .containsEntry("planId", "Choose one of your plans.")
                .containsEntry("quantity", "Enter a number of screens from 1 to 10,000.");
        assertThat(licenceCount(org)).isZero();
    }

    @Test
    void aPlanLeftOutIsNamedBesideWhatTheRulesRefuseOfTheOtherFields() throws Exception {
        Answer answer = send(
                post("/api/v1/licences"),
                managerToken,
                "{\"name\": \"%s\", \"quantity\": 0, \"clientId\": 999999999}".formatted("x".repeat(300)));

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("planId", "name", "quantity", "clientId");
        assertThat(answer.errors()).containsEntry("planId", "Choose a plan.");
        assertThat(licenceCount(org)).isZero();
    }

    @Test
    void anotherOrganisationsClientOrPlanIsRefusedAsAnUnknownOneIsBesideTheOtherFaults() throws Exception {
        Plan theirs = fixture.monthlyPlan(other);
        Answer theirClient = send(
                post("/api/v1/licences"),
                managerToken,
                "{\"planId\": %d, \"name\": \"\", \"quantity\": 1, \"clientId\": %d}"
                        .formatted(theirs.id(), other.alice().userId()));
        Answer unknownClient = send(
                post("/api/v1/licences"),
                managerToken,
                "{\"planId\": 999999999, \"name\": \"\", \"quantity\": 1, \"clientId\": 999999999}");

        assertOneValidationProblem(theirClient);
        assertThat(theirClient.body().toString()).isEqualTo(unknownClient.body().toString());
        assertThat(theirClient.fields()).containsExactlyInAnyOrder("planId", "name", "clientId");
        assertThat(licenceCount(org)).isZero();
        assertThat(licenceCount(other)).isZero();
    }

    @Test
    void aChangeOfALicenceWithSeveralFaultsIsRefusedWithEveryFieldAndChangesNothing() throws Exception {
        LicenceDetails before = licences.create(org.manager(), new NewLicence(plan.id(), "Lobby", "Kept", 3, null));
        String body = """
                {"name": " ", "note": "%s", "quantity": 10001, "planId": 999999999, "clientId": 999999999}""".formatted("n".repeat(2001));

        Answer answer = send(patch("/api/v1/licences/" + before.id()), managerToken, body);

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("name", "note", "quantity", "planId", "clientId");
        LicenceDetails after = licences.details(org.manager(), before.id());
        assertThat(after.name()).isEqualTo("Lobby");
        assertThat(after.note()).isEqualTo("Kept");
        assertThat(after.quantity()).isEqualTo(3);
        assertThat(after.plan().id()).isEqualTo(plan.id());
        assertThat(after.client()).isNull();
        assertThat(after.couponCode()).isEqualTo(before.couponCode());
    }

    @Test
    void aChangeOfAUsedLicenceNamesItsLockedPlanAndClientBesideTheTextFaults() throws Exception {
        Plan yearly = fixture.yearlyPlan(org);
        long id = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 3, org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), id);

        Answer answer = send(
                patch("/api/v1/licences/" + id),
                managerToken,
                "{\"name\": \"<i>x</i>\", \"planId\": %d, \"clientId\": %d}"
                        .formatted(yearly.id(), org.bob().userId()));

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("name", "planId", "clientId");
        LicenceDetails after = licences.details(org.manager(), id);
        assertThat(after.name()).isEqualTo("Lobby");
        assertThat(after.plan().id()).isEqualTo(plan.id());
        assertThat(after.client().id()).isEqualTo(org.alice().userId());
    }

    @Test
    void aFaultyChangeOfAnotherOrganisationsLicenceIsNotFoundNotRefused() throws Exception {
        long theirs = licences.create(
                        other.manager(),
                        new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 2, null))
                .id();

        Answer answer = send(patch("/api/v1/licences/" + theirs), managerToken, "{\"name\": \"\", \"quantity\": 0}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("type").asString()).endsWith("/not-found");
        assertThat(licences.details(other.manager(), theirs).name()).isEqualTo("Theirs");
    }

    @Test
    void aClientTokenIsForbiddenToCreateALicenceWhateverItsBodySays() throws Exception {
        Answer answer = send(post("/api/v1/licences"), fixture.token(org.alice()), "{\"name\": \"\", \"quantity\": 0}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(licenceCount(org)).isZero();
    }

    // Plans

    @Test
    void aNewPlanWithSeveralFaultsIsRefusedWithEveryFieldInOneProblem() throws Exception {
        long plansBefore = planCount(org);

        Answer answer = send(post("/api/v1/plans"), ownerToken, "{\"name\": \"<b>Gold</b>\", \"term\": \"soon\"}");

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("name", "term", "unitPrice");
        assertThat(answer.errors())
                .containsEntry(
                        "term",
                        "Enter a term in months or years (P1M, P3M, P1Y, P1Y6M) or in days alone (P7D, P30D), up to 10 years; write a week as P7D.")
                .containsEntry("unitPrice", "Enter a price per screen.");
        assertThat(planCount(org)).isEqualTo(plansBefore);
    }

    @Test
    void aChangeOfAPlanWithSeveralFaultsIsRefusedWithEveryFieldAndChangesNothing() throws Exception {
        Answer answer = send(
                patch("/api/v1/plans/" + plan.id()),
                ownerToken,
                "{\"name\": \" \", \"term\": \"P0D\", \"unitPrice\": \"1.234\"}");

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("name", "term", "unitPrice");
        assertThat(plans.plan(org.owner(), plan.id())).isEqualTo(plan);
    }

    @Test
    void aFaultyChangeOfAnotherOrganisationsPlanIsNotFoundNotRefused() throws Exception {
        Plan theirs = fixture.monthlyPlan(other);

        Answer answer =
                send(patch("/api/v1/plans/" + theirs.id()), ownerToken, "{\"name\": \" \", \"unitPrice\": \"1.234\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(plans.plan(other.owner(), theirs.id())).isEqualTo(theirs);
    }

    @Test
    void aTakenPlanNameIsStillAConflictOnceTheBodyIsRightAndNotBeforeItIs() throws Exception {
        Answer faulty = send(
                post("/api/v1/plans"),
                ownerToken,
                "{\"name\": \"%s\", \"term\": \"soon\", \"unitPrice\": \"5.00\"}".formatted(plan.name()));
        assertThat(faulty.status()).isEqualTo(422);
        assertThat(faulty.fields()).containsExactly("term");

        Answer taken = send(
                post("/api/v1/plans"),
                ownerToken,
                "{\"name\": \"%s\", \"term\": \"P1M\", \"unitPrice\": \"5.00\"}".formatted(plan.name()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.fields()).containsExactly("name");
    }

    @Test
    void aPriceTheCurrencyCannotKeepIsNamedBesideTheOtherFaultsAndBeforeATakenName() throws Exception {
        jdbc.sql("update organisation set currency = 'JPY' where id = ?")
                .param(org.id())
                .update();
        long plansBefore = planCount(org);

        Answer faulty = send(
                post("/api/v1/plans"), ownerToken, "{\"name\": \"\", \"term\": \"P1M\", \"unitPrice\": \"1000.50\"}");
        assertOneValidationProblem(faulty);
        assertThat(faulty.errors())
                .containsOnlyKeys("name", "unitPrice")
                .containsEntry("unitPrice", "Prices in JPY have no decimals.");

        Answer takenName = send(
                post("/api/v1/plans"),
                ownerToken,
                "{\"name\": \"%s\", \"term\": \"P1M\", \"unitPrice\": \"1000.50\"}".formatted(plan.name()));
        assertThat(takenName.status()).isEqualTo(422);
        assertThat(takenName.fields()).containsExactly("unitPrice");
        assertThat(planCount(org)).isEqualTo(plansBefore);

        Answer changed =
                send(patch("/api/v1/plans/" + plan.id()), ownerToken, "{\"term\": \"soon\", \"unitPrice\": \"5.50\"}");
        assertOneValidationProblem(changed);
        assertThat(changed.fields()).containsExactlyInAnyOrder("term", "unitPrice");
        assertThat(plans.plan(org.owner(), plan.id()).term()).isEqualTo(plan.term());
    }

    @Test
    void aPriceAboveTheConsolesHighestIsRefusedAsTheConsoleRefusesItAndTheHighestIsTaken() throws Exception {
        long plansBefore = planCount(org);

        Answer tooHigh = send(
                post("/api/v1/plans"),
                ownerToken,
                "{\"name\": \"Dear\", \"term\": \"P1M\", \"unitPrice\": \"5000000.00\"}");
        assertThat(tooHigh.status()).isEqualTo(422);
        assertThat(tooHigh.body().get("type").asString()).endsWith("/validation");
        assertThat(tooHigh.errors())
                .containsOnlyKeys("unitPrice")
                .containsEntry("unitPrice", "Keep the price at most 1,000,000.");
        assertThat(planCount(org)).isEqualTo(plansBefore);

        Answer changed = send(patch("/api/v1/plans/" + plan.id()), ownerToken, "{\"unitPrice\": \"1000000.01\"}");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.fields()).containsExactly("unitPrice");
        assertThat(plans.plan(org.owner(), plan.id())).isEqualTo(plan);

        Answer highest = send(
                post("/api/v1/plans"),
                ownerToken,
                "{\"name\": \"Dear\", \"term\": \"P1M\", \"unitPrice\": \"1000000.00\"}");
        assertThat(highest.status()).isEqualTo(201);
        assertThat(planCount(org)).isEqualTo(plansBefore + 1);
    }

    // Clients

    @Test
    void aNewClientWithSeveralFaultsIsRefusedWithEveryFieldInOneProblem() throws Exception {
        long usersBefore = userCount(org);

        Answer answer = send(
                post("/api/v1/clients"),
                managerToken,
                "{\"name\": \"\", \"email\": \"not-an-address\", \"company\": \"%s\"}".formatted("c".repeat(201)));

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("name", "email", "company");
        assertThat(answer.errors()).containsEntry("name", "Enter a name.");
        assertThat(userCount(org)).isEqualTo(usersBefore);
    }

    @Test
    void aChangeOfAClientWithSeveralFaultsIsRefusedWithEveryFieldAndChangesNothing() throws Exception {
        long id = org.alice().userId();
        Client before = accounts.client(org.manager(), id);

        Answer answer = send(
                patch("/api/v1/clients/" + id),
                managerToken,
                "{\"name\": \" \", \"email\": \"\", \"vatNumber\": \"<>\", \"invite\": true}");

        assertOneValidationProblem(answer);
        assertThat(answer.fields()).containsExactlyInAnyOrder("name", "email", "vatNumber", "invite");
        assertThat(accounts.client(org.manager(), id)).isEqualTo(before);
    }

    @Test
    void aFaultyChangeOfAnotherOrganisationsClientIsNotFoundNotRefused() throws Exception {
        long theirs = other.alice().userId();
        Client before = accounts.client(other.manager(), theirs);

        Answer answer =
                send(patch("/api/v1/clients/" + theirs), managerToken, "{\"name\": \" \", \"vatNumber\": \"<>\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(accounts.client(other.manager(), theirs)).isEqualTo(before);
    }

    @Test
    void aTakenEmailIsStillAConflictOnceTheBodyIsRight() throws Exception {
        String taken = org.bob().email();

        Answer faulty =
                send(post("/api/v1/clients"), managerToken, "{\"name\": \"\", \"email\": \"%s\"}".formatted(taken));
        assertThat(faulty.status()).isEqualTo(422);
        assertThat(faulty.fields()).containsExactly("name");

        Answer conflict = send(
                post("/api/v1/clients"), managerToken, "{\"name\": \"Bob again\", \"email\": \"%s\"}".formatted(taken));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.fields()).containsExactly("email");
    }
}
