package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key on the REST API's POSTs, with Stripe's semantics (H2; PostgreSQL below). Most requests go through
 * MockMvc; those that must run at the same time go to the running server. Time is moved, never waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@MovableTime
@Import(RequestFaults.class)
class IdempotencyKeyIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEMS = "https://licencedesk.io/problems/";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    RequestFaults.Gate gate;

    @Autowired
    IdempotencyKeyCleanUp cleanUp;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    TestOrganisation org;
    Plan plan;
    String token;
    String key;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
        key = UUID.randomUUID().toString();
        gate.reset();
    }

    @AfterEach
    void tearDown() {
        gate.release();
        clock.reset();
    }

    String licence(String name) {
        return "{\"planId\": %d, \"name\": \"%s\", \"quantity\": 2}".formatted(plan.id(), name);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletRequestBuilder create(String token, String key, String body) {
        var request = post("/api/v1/licences")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return key == null ? request : request.header(IdempotencyFilter.HEADER, key);
    }

    HttpRequest createAtTheServer(String key, String body, String fault) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/licences"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header(IdempotencyFilter.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return (fault == null ? request : request.header(RequestFaults.HEADER, fault)).build();
    }

    long licenceCount() {
        return jdbc.sql("select count(*) from licence where organisation_id = ?")
                .param(org.id())
                .query(Long.class)
                .single();
    }

    long keysStored(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key_text = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    static JsonNode json(MockHttpServletResponse response) {
        return JSON.readTree(response.getContentAsByteArray());
    }

    static long id(String body) {
        return JSON.readTree(body).get("id").asLong();
    }

    static String problemType(MockHttpServletResponse response) {
        return json(response).get("type").asString();
    }

    @Test
    void replaysTheFirstAnswerExactlyAndCreatesTheLicenceOnce() throws Exception {
        MockHttpServletResponse first = send(create(token, key, licence("Lobby")));
        MockHttpServletResponse again = send(create(token, key, licence("Lobby")));

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(again.getContentType()).isEqualTo(first.getContentType());
        assertThat(again.getHeader("Location"))
                .isEqualTo(first.getHeader("Location"))
                .isEqualTo("http://localhost/api/v1/licences/"
                        + json(first).get("id").asLong());
        // The tag of the body replayed, which the first answer had: a program that retried still gets one to send
        // back in If-Match (decision 0135; the replay had none).
        assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(licenceCount()).isEqualTo(1);
    }

    @Test
    void refusesTheKeyWithAnotherRequestAndRunsNothing() throws Exception {
        MockHttpServletResponse first = send(create(token, key, licence("Lobby")));
        long id = json(first).get("id").asLong();

        MockHttpServletResponse otherBody = send(create(token, key, licence("Foyer")));
        MockHttpServletResponse otherAddress = send(
                post("/api/v1/licences/" + id + "/pause").with(bearer(token)).header(IdempotencyFilter.HEADER, key));

        for (MockHttpServletResponse refused : List.of(otherBody, otherAddress)) {
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(problemType(refused)).isEqualTo(PROBLEMS + "idempotency-key-reused");
            assertThat(refused.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        }
        assertThat(licenceCount()).isEqualTo(1);
        assertThat(json(send(get("/api/v1/licences/" + id).with(bearer(token))))
                        .get("name")
                        .asString())
                .isEqualTo("Lobby");
    }

    @Test
    void keysBelongToTheirToken() throws Exception {
        String otherToken = fixture.token(org.manager());

        MockHttpServletResponse mine = send(create(token, key, licence("Lobby")));
        MockHttpServletResponse theirs = send(create(otherToken, key, licence("Lobby")));

        assertThat(theirs.getStatus()).isEqualTo(201);
        assertThat(theirs.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(json(theirs).get("id").asLong())
                .isNotEqualTo(json(mine).get("id").asLong());
        assertThat(licenceCount()).isEqualTo(2);
    }

    @Test
    void replaysARefusalAsItWasFirstAnswered() throws Exception {
        String invalid = "{\"planId\": %d, \"name\": \"Lobby\", \"quantity\": 0}".formatted(plan.id());

        MockHttpServletResponse first = send(create(token, key, invalid));
        MockHttpServletResponse again = send(create(token, key, invalid));

        assertThat(first.getStatus()).isEqualTo(422);
        assertThat(problemType(first)).isEqualTo(PROBLEMS + "validation");
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(again.getContentType()).isEqualTo(first.getContentType());
        assertThat(licenceCount()).isZero();
    }

    @Test
    void refusesAnInvalidKeyAndRunsNothing() throws Exception {
        for (String invalid : List.of("k".repeat(256), "abc\u0001", "tab\there", "nul\0", "clé", "", "   ")) {
            MockHttpServletResponse refused = send(create(token, invalid, licence("Lobby")));
            assertThat(refused.getStatus()).as(invalid).isEqualTo(400);
            assertThat(problemType(refused)).isEqualTo(PROBLEMS + "invalid-idempotency-key");
        }
        MockHttpServletResponse twoKeys =
                send(create(token, null, licence("Lobby")).header(IdempotencyFilter.HEADER, "one", "two"));
        assertThat(twoKeys.getStatus()).isEqualTo(400);
        assertThat(problemType(twoKeys)).isEqualTo(PROBLEMS + "invalid-idempotency-key");
        assertThat(licenceCount()).isZero();

        assertThat(send(create(token, "k".repeat(255), licence("Lobby"))).getStatus())
                .isEqualTo(201);
    }

    @Test
    void problemsWrittenBeforeTheControllerCarryTheirInstanceAsTheOthersDo() throws Exception {
        MockHttpServletResponse first = send(create(token, key, licence("Lobby")));
        long id = json(first).get("id").asLong();
        String pause = "/api/v1/licences/" + id + "/pause";

        MockHttpServletResponse notFound =
                send(get("/api/v1/licences/999999999").with(bearer(token)));
        assertThat(json(notFound).get("instance").asString()).isEqualTo("/api/v1/licences/999999999");

        MockHttpServletResponse anonymous = send(get("/api/v1/licences"));
        MockHttpServletResponse readOnly = send(post(pause).with(bearer(fixture.readOnlyToken(org.manager()))));
        MockHttpServletResponse reused = send(post(pause).with(bearer(token)).header(IdempotencyFilter.HEADER, key));
        MockHttpServletResponse invalidKey =
                send(post(pause).with(bearer(token)).header(IdempotencyFilter.HEADER, "\u0001"));

        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(json(anonymous).get("instance").asString()).isEqualTo("/api/v1/licences");
        assertThat(problemType(readOnly)).isEqualTo(PROBLEMS + "read-only-token");
        assertThat(problemType(reused)).isEqualTo(PROBLEMS + "idempotency-key-reused");
        assertThat(problemType(invalidKey)).isEqualTo(PROBLEMS + "invalid-idempotency-key");
        for (MockHttpServletResponse refused : List.of(readOnly, reused, invalidKey)) {
            assertThat(json(refused).get("instance").asString()).isEqualTo(pause);
        }
    }

    @Test
    void refusesABodyOverAMegabyteWithAKey() throws Exception {
        MockHttpServletResponse refused = send(create(token, key, licence("x".repeat(1_100_000))));

        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(problemType(refused)).isEqualTo(PROBLEMS + "too-large");
        assertThat(keysStored(key)).isZero();
    }

    @Test
    void readsTheDeviceApiAndWhatSecurityRefusesIgnoreTheKey() throws Exception {
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse list =
                    send(get("/api/v1/licences").with(bearer(token)).header(IdempotencyFilter.HEADER, key));
            assertThat(list.getStatus()).isEqualTo(200);
            assertThat(list.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        }
        assertThat(send(get("/api/v1/licences").with(bearer(token)).header(IdempotencyFilter.HEADER, "\u0001"))
                        .getStatus())
                .isEqualTo(200);

        MockHttpServletResponse device = send(post("/api/v1/device/check-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .header(IdempotencyFilter.HEADER, "\u0001"));
        assertThat(device.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("idempotency");

        String readOnly = fixture.readOnlyToken(org.manager());
        assertThat(send(create(readOnly, key, licence("Lobby"))).getStatus()).isEqualTo(403);
        assertThat(keysStored(key)).isZero();
        assertThat(licenceCount()).isZero();
    }

    @Test
    void aFailedRequestLetsGoOfItsKeySoThatItCanBeRetried() throws Exception {
        MockHttpServletResponse failed =
                send(create(token, key, licence("Lobby")).header(RequestFaults.HEADER, "500"));
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(keysStored(key)).isZero();
        MockHttpServletResponse retried = send(create(token, key, licence("Lobby")));
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeader(IdempotencyFilter.REPLAYED)).isNull();

        String thrownKey = UUID.randomUUID().toString();
        assertThatThrownBy(() -> send(create(token, thrownKey, licence("Foyer")).header(RequestFaults.HEADER, "throw")))
                .satisfies(thrown -> assertThat(NestedExceptionUtils.getMostSpecificCause(thrown))
                        .hasMessage("A fault the test asked for"));
        assertThat(keysStored(thrownKey)).isZero();
        assertThat(send(create(token, thrownKey, licence("Foyer"))).getStatus()).isEqualTo(201);
        assertThat(licenceCount()).isEqualTo(2);
    }

    @Test
    void answersA409WhileTheFirstRequestRunsAndItsAnswerAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> first =
                http.sendAsync(createAtTheServer(key, licence("Lobby"), "hold"), HttpResponse.BodyHandlers.ofString());
        gate.awaitEntered();

        HttpResponse<String> meanwhile =
                http.send(createAtTheServer(key, licence("Lobby"), null), HttpResponse.BodyHandlers.ofString());
        assertThat(meanwhile.statusCode()).isEqualTo(409);
        assertThat(meanwhile.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(meanwhile.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(JSON.readTree(meanwhile.body()).get("type").asString())
                .isEqualTo(PROBLEMS + "idempotency-key-in-progress");

        gate.release();
        HttpResponse<String> answered = first.get(30, TimeUnit.SECONDS);
        HttpResponse<String> after =
                http.send(createAtTheServer(key, licence("Lobby"), null), HttpResponse.BodyHandlers.ofString());

        assertThat(answered.statusCode()).isEqualTo(201);
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(after.headers().firstValue(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(after.body()).isEqualTo(answered.body());
        assertThat(after.headers().firstValue("Location"))
                .isEqualTo(answered.headers().firstValue("Location"));
        assertThat(licenceCount()).isEqualTo(1);
    }

    @Test
    void runsOneOfManyConcurrentRequestsWithOneKey() throws Exception {
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(requests);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return http.send(
                            createAtTheServer(key, licence("Lobby"), null), HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> ran = new ArrayList<>();
            List<HttpResponse<String>> replayed = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                if (response.statusCode() == 409) {
                    assertThat(JSON.readTree(response.body()).get("type").asString())
                            .isEqualTo(PROBLEMS + "idempotency-key-in-progress");
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    (response.headers().firstValue(IdempotencyFilter.REPLAYED).isPresent() ? replayed : ran)
                            .add(response);
                }
            }
            assertThat(ran).hasSize(1);
            assertThat(replayed)
                    .allSatisfy(response -> assertThat(id(response.body()))
                            .isEqualTo(id(ran.get(0).body())));
        } finally {
            senders.shutdownNow();
        }
        assertThat(licenceCount()).isEqualTo(1);
    }

    /**
     * A node that dies while it runs a request leaves its key in progress. After a minute a retry runs instead; the
     * first, should it finish after all, cannot overwrite the answer the retry kept.
     */
    @Test
    void aKeyLeftInProgressIsTakenOverAfterAMinute() throws Exception {
        CompletableFuture<HttpResponse<String>> stalled =
                http.sendAsync(createAtTheServer(key, licence("Lobby"), "hold"), HttpResponse.BodyHandlers.ofString());
        gate.awaitEntered();
        assertThat(send(create(token, key, licence("Lobby"))).getStatus()).isEqualTo(409);

        clock.advance(Duration.ofSeconds(61));
        MockHttpServletResponse retried = send(create(token, key, licence("Lobby")));
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeader(IdempotencyFilter.REPLAYED)).isNull();

        gate.release();
        assertThat(stalled.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        MockHttpServletResponse replayed = send(create(token, key, licence("Lobby")));
        assertThat(replayed.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(replayed.getContentAsByteArray()).isEqualTo(retried.getContentAsByteArray());
    }

    @Test
    void forgetsKeysAfterADaySoThatTheyMayBeUsedAgain() throws Exception {
        assertThat(send(create(token, key, licence("Lobby"))).getStatus()).isEqualTo(201);

        clock.advance(Duration.ofHours(23));
        cleanUp.forgetOld();
        assertThat(send(create(token, key, licence("Lobby"))).getHeader(IdempotencyFilter.REPLAYED))
                .isEqualTo("true");

        clock.advance(Duration.ofHours(2));
        String recent = UUID.randomUUID().toString();
        assertThat(send(create(token, recent, licence("Foyer"))).getStatus()).isEqualTo(201);
        assertThat(cleanUp.forgetOld()).isPositive();
        assertThat(keysStored(key)).isZero();
        assertThat(keysStored(recent)).isOne();

        MockHttpServletResponse reused = send(create(token, key, licence("Lobby, again")));
        assertThat(reused.getStatus()).isEqualTo(201);
        assertThat(reused.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(licenceCount()).isEqualTo(3);
    }

    @Test
    void documentsTheHeaderOnEveryPostOfTheRestApi() throws Exception {
        JsonNode paths = json(send(get("/v3/api-docs"))).get("paths");

        assertThat(headers(paths.get("/api/v1/licences").get("post"))).contains(IdempotencyFilter.HEADER);
        assertThat(headers(paths.get("/api/v1/licences/{id}/pause").get("post")))
                .contains(IdempotencyFilter.HEADER);
        assertThat(headers(paths.get("/api/v1/licences").get("get"))).doesNotContain(IdempotencyFilter.HEADER);
        assertThat(headers(paths.get("/api/v1/device/check-in").get("post"))).doesNotContain(IdempotencyFilter.HEADER);
    }

    static List<String> headers(JsonNode operation) {
        List<String> names = new ArrayList<>();
        JsonNode parameters = operation.get("parameters");
        if (parameters != null) {
            parameters.forEach(parameter -> names.add(parameter.get("name").asString()));
        }
        return names;
    }
}
