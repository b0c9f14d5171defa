package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
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
 * Conditional requests on a licence and a client (decision 0130): an ETag on what answers one, If-Match on PATCH and
 * DELETE refused with a 412 that changes nothing when someone changed the object since it was read, If-None-Match on
 * GET answered 304. Without the headers, everything answers as before (H2; PostgreSQL below).
 */
@IntegrationTest
class ConditionalRequestsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PRECONDITION_FAILED = "https://licencedesk.io/problems/precondition-failed";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;
    Plan plan;
    String firstIntegrator;
    String secondIntegrator;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        firstIntegrator = fixture.token(org.manager());
        secondIntegrator = fixture.token(org.owner());
    }

    record Answer(int status, JsonNode body, MockHttpServletResponse response) {
        String etag() {
            return response.getHeader("ETag");
        }
    }

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    Answer patchJson(String address, String token, String ifMatch, String json) throws Exception {
        MockHttpServletRequestBuilder request = patch(address)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    long licence() {
        return licences.create(org.manager(), new NewLicence(plan.id(), "Lobby", "Ground floor", 2, null))
                .id();
    }

    String nameOf(long licenceId) {
        return jdbc.sql("select name from licence where id = ?")
                .param(licenceId)
                .query(String.class)
                .single();
    }

    long historyEntries(long licenceId) throws Exception {
        return send(get("/api/v1/licences/" + licenceId + "/history?limit=100").with(bearer(firstIntegrator)))
                .body()
                .get("data")
                .size();
    }

    static void assertPreconditionFailed(Answer answer, String instance) {
        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.response().getContentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo(PRECONDITION_FAILED);
        assertThat(answer.body().get("title").asString()).isEqualTo("Precondition failed");
        assertThat(answer.body().get("status").asInt()).isEqualTo(412);
        assertThat(answer.body().get("detail").asString()).contains("If-Match").contains("Nothing was changed");
        assertThat(answer.body().get("instance").asString()).isEqualTo(instance);
    }

    @Test
    void ofTwoIntegratorsWhoReadALicenceTheSecondToChangeItIsRefusedAndChangesNothing() throws Exception {
        long id = licence();
        String address = "/api/v1/licences/" + id;
        Answer readByFirst = send(get(address).with(bearer(firstIntegrator)));
        Answer readBySecond = send(get(address).with(bearer(secondIntegrator)));
        assertThat(readByFirst.etag()).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(readBySecond.etag());
        long entriesBefore = historyEntries(id);

        Answer first = patchJson(address, firstIntegrator, readByFirst.etag(), "{\"name\": \"Lobby north\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).isNotEqualTo(readByFirst.etag());
        assertThat(send(get(address).with(bearer(firstIntegrator))).etag()).isEqualTo(first.etag());

        Answer second = patchJson(
                address, secondIntegrator, readBySecond.etag(), "{\"name\": \"Lobby south\", \"note\": null}");
        assertPreconditionFailed(second, address);
        assertThat(nameOf(id)).isEqualTo("Lobby north");
        Answer after = send(get(address).with(bearer(firstIntegrator)));
        assertThat(after.body().get("note").asString()).isEqualTo("Ground floor");
        assertThat(after.etag()).isEqualTo(first.etag());
        assertThat(historyEntries(id)).isEqualTo(entriesBefore + 1);

        // Read again, the second integrator's change goes through on the new version.
        Answer retried = patchJson(address, secondIntegrator, after.etag(), "{\"name\": \"Lobby south\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(nameOf(id)).isEqualTo("Lobby south");
    }

    @Test
    void aChangeWithAnETagWaitsForAChangeUnderWayAndIsRefusedOnceThatOneIsSaved() throws Exception {
        long id = licence();
        String address = "/api/v1/licences/" + id;
        String read = send(get(address).with(bearer(secondIntegrator))).etag();
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> under = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            licences.edit(org.manager(), id, current -> current.withName("Renamed meanwhile"));
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        Answer late = patchJson(address, secondIntegrator, read, "{\"quantity\": 3}");

        releaseLater.join();
        under.join();
        assertPreconditionFailed(late, address);
        Answer now = send(get(address).with(bearer(firstIntegrator)));
        assertThat(now.body().get("name").asString()).isEqualTo("Renamed meanwhile");
        assertThat(now.body().get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void withoutIfMatchTheLastChangeWinsAsBeforeAndStarMatchesAnyVersion() throws Exception {
        long id = licence();
        String address = "/api/v1/licences/" + id;
        patchJson(address, firstIntegrator, null, "{\"name\": \"One\"}");

        Answer blind = patchJson(address, secondIntegrator, null, "{\"name\": \"Two\"}");
        assertThat(blind.status()).isEqualTo(200);
        assertThat(blind.etag())
                .isEqualTo(send(get(address).with(bearer(firstIntegrator))).etag());
        Answer any = patchJson(address, secondIntegrator, "*", "{\"name\": \"Three\"}");
        assertThat(any.status()).isEqualTo(200);
        assertThat(nameOf(id)).isEqualTo("Three");
    }

    @Test
    void aWeakOrUnquotedTagNeverMatchesButOneOfSeveralDoes() throws Exception {
        long id = licence();
        String address = "/api/v1/licences/" + id;
        String tag = send(get(address).with(bearer(firstIntegrator))).etag();
        String bare = tag.substring(1, tag.length() - 1);

        assertPreconditionFailed(patchJson(address, firstIntegrator, "W/" + tag, "{\"name\": \"A\"}"), address);
        assertPreconditionFailed(patchJson(address, firstIntegrator, bare, "{\"name\": \"A\"}"), address);
        assertThat(nameOf(id)).isEqualTo("Lobby");
        assertThat(patchJson(address, firstIntegrator, "\"other\", " + tag, "{\"name\": \"A\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aStaleETagIsAnsweredBeforeTheBodysFaults() throws Exception {
        long id = licence();
        String address = "/api/v1/licences/" + id;
        String tag = send(get(address).with(bearer(firstIntegrator))).etag();
        patchJson(address, secondIntegrator, null, "{\"name\": \"Changed\"}");

        assertPreconditionFailed(patchJson(address, firstIntegrator, tag, "{\"quantity\": 0}"), address);
        assertThat(patchJson(address, firstIntegrator, "*", "{\"quantity\": 0}").status())
                .isEqualTo(422);
    }

    @Test
    void aDeleteWithAStaleETagDeletesNothing() throws Exception {
        long id = licence();
        String address = "/api/v1/licences/" + id;
        String read = send(get(address).with(bearer(firstIntegrator))).etag();
        String changed = patchJson(address, secondIntegrator, read, "{\"note\": \"Keep: ordered again\"}")
                .etag();

        assertPreconditionFailed(
                send(delete(address).with(bearer(firstIntegrator)).header("If-Match", read)), address);
        assertThat(send(get(address).with(bearer(firstIntegrator))).status()).isEqualTo(200);
        assertThat(send(delete(address).with(bearer(firstIntegrator)).header("If-Match", changed))
                        .status())
                .isEqualTo(204);
        assertThat(send(get(address).with(bearer(firstIntegrator))).status()).isEqualTo(404);
    }

    @Test
    void aReadOfAnUnchangedLicenceIsA304AndTheActionsAnswerTheNewETag() throws Exception {
        long id = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Foyer", null, 1, org.alice().userId()))
                .id();
        String address = "/api/v1/licences/" + id;
        Answer read = send(get(address).with(bearer(firstIntegrator)));

        Answer unchanged = send(get(address).with(bearer(firstIntegrator)).header("If-None-Match", read.etag()));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isNull();
        assertThat(unchanged.etag()).isEqualTo(read.etag());

        Answer paused = send(post(address + "/pause").with(bearer(firstIntegrator)));
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.etag()).isNotEqualTo(read.etag());
        Answer readAgain = send(get(address).with(bearer(firstIntegrator)).header("If-None-Match", read.etag()));
        assertThat(readAgain.status()).isEqualTo(200);
        assertThat(readAgain.body().get("status").asString()).isEqualTo("paused");
        assertThat(readAgain.etag()).isEqualTo(paused.etag());
        Answer resumed = send(post(address + "/resume").with(bearer(firstIntegrator)));
        assertThat(resumed.etag())
                .isEqualTo(send(get(address).with(bearer(firstIntegrator))).etag());
        Answer created = send(post("/api/v1/licences")
                .with(bearer(firstIntegrator))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"planId\": %d, \"name\": \"Hall\", \"quantity\": 1}".formatted(plan.id())));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag())
                .isEqualTo(send(get(created.response().getHeader("Location")).with(bearer(firstIntegrator)))
                        .etag());
    }

    @Test
    void aClientChangedSinceItWasReadIsNotChangedAgainAndAnotherFieldChangedMeanwhileStays() throws Exception {
        long clientId = org.alice().userId();
        String address = "/api/v1/clients/" + clientId;
        Answer read = send(get(address).with(bearer(firstIntegrator)));
        assertThat(read.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(send(get(address).with(bearer(firstIntegrator)).header("If-None-Match", read.etag()))
                        .status())
                .isEqualTo(304);

        Answer first = patchJson(address, firstIntegrator, read.etag(), "{\"company\": \"Cinéma Lumière\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).isNotEqualTo(read.etag());

        assertPreconditionFailed(
                patchJson(address, secondIntegrator, read.etag(), "{\"name\": \"Alice M.\"}"), address);
        assertPreconditionFailed(patchJson(address, secondIntegrator, read.etag(), "{\"name\": \"\"}"), address);
        Answer now = send(get(address).with(bearer(firstIntegrator)));
        assertThat(now.body().get("company").asString()).isEqualTo("Cinéma Lumière");
        assertThat(now.body().get("name").asString())
                .isEqualTo(read.body().get("name").asString());
        assertThat(now.etag()).isEqualTo(first.etag());

        // Without If-Match, a change of another field goes over the client as it is now, keeping the company.
        Answer blind = patchJson(address, secondIntegrator, null, "{\"name\": \"Alice M.\"}");
        assertThat(blind.status()).isEqualTo(200);
        assertThat(blind.body().get("company").asString()).isEqualTo("Cinéma Lumière");
        assertThat(blind.etag())
                .isEqualTo(send(get(address).with(bearer(firstIntegrator))).etag());
    }

    @Test
    void anotherOrganisationAnotherClientAndNobodyAreRefusedAsBeforeWhateverTheirIfMatch() throws Exception {
        long id = licence();
        String licence = "/api/v1/licences/" + id;
        String client = "/api/v1/clients/" + org.alice().userId();
        TestOrganisation other = fixture.organisation();
        String otherManager = fixture.token(other.manager());
        String aClient = fixture.token(org.bob());

        assertThat(patchJson(licence, otherManager, "*", "{\"name\": \"X\"}").status())
                .isEqualTo(404);
        assertThat(send(delete(licence).with(bearer(otherManager)).header("If-Match", "*"))
                        .status())
                .isEqualTo(404);
        assertThat(patchJson(client, otherManager, "*", "{\"name\": \"X\"}").status())
                .isEqualTo(404);
        assertThat(send(get(licence).with(bearer(otherManager)).header("If-None-Match", "*"))
                        .status())
                .isEqualTo(404);
        assertThat(patchJson(licence, aClient, "*", "{\"name\": \"X\"}").status())
                .isEqualTo(403);
        assertThat(send(get(client).with(bearer(aClient)).header("If-None-Match", "*"))
                        .status())
                .isEqualTo(403);
        assertThat(send(patch(licence)
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("If-Match", "*")
                                .content("{\"name\": \"X\"}"))
                        .status())
                .isEqualTo(401);
        assertThat(send(delete(licence).header("If-Match", "*")).status()).isEqualTo(401);
        assertThat(patchJson(licence, fixture.readOnlyToken(org.manager()), "*", "{\"name\": \"X\"}")
                        .status())
                .isEqualTo(403);
        assertThat(nameOf(id)).isEqualTo("Lobby");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
