package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.shared.EncryptionAtRest;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.EndpointChange;
import io.licencedesk.webhooks.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /api/v1/webhook-endpoints: what an owner does on the console's Settings → Webhooks, through the REST API (decision
 * 0160), with the console's rules, refusals and audit entries. Public addresses are in a documentation range
 * (TestsStayOffTheInternetTests): nothing routes there, so a delivery fails and is logged.
 */
@IntegrationTest
class WebhookEndpointApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    private static final String PUBLIC_URL = "https://203.0.113.10/hooks";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    Webhooks webhooks;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;
    String owner;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        owner = fixture.token(org.owner());
    }

    @AfterEach
    void tearDown() {
        // Nothing of this test's is left for the dispatcher to try.
        webhooks.endpoints(org.owner()).forEach(endpoint -> webhooks.delete(org.owner(), endpoint.id()));
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token) throws Exception {
        if (token != null) {
            request.with(bearer(token));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return send(request, owner);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static JsonNode body(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode created(String body) throws Exception {
        MockHttpServletResponse response = send(json(post(ENDPOINTS), body));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return body(response);
    }

    List<String> audit(long endpointId) {
        return jdbc.sql("""
                        select action from audit_event
                        where organisation_id = ? and subject_type = 'WEBHOOK_ENDPOINT' and subject_id = ? order by id""")
                .param(org.id())
                .param(endpointId)
                .query(String.class)
                .list();
    }

    /**
     * A node of the version before V50, still running during a rolling upgrade, registers an endpoint without the
     * column of its secret's time: the insert takes the column's default, the time of the insert (decision 0170).
     */
    @Test
    void anEndpointRegisteredByANodeOfTheVersionBeforeTakesTheTimeOfItsInsert() throws Exception {
        jdbc.sql("""
                        insert into webhook_endpoint (organisation_id, url, description, event_types, signing_secret,
                                                      enabled, created_at)
                        values (:organisationId, :url, 'old node', '*', 'whsec_registeredbyanoldnode', true, :now)
                        """)
                .param("organisationId", org.id())
                .param("url", PUBLIC_URL)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        long id = jdbc.sql("select max(id) from webhook_endpoint where organisation_id = ?")
                .param(org.id())
                .query(Long.class)
                .single();

        MockHttpServletResponse read = send(get(ENDPOINTS + "/" + id));

        assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
        assertThat(body(read).path("secretCreatedAt").asString()).isNotBlank();
    }

    @Test
    void anOwnerCreatesReadsListsChangesAndDeletesAnEndpointAsOnTheConsole() throws Exception {
        MockHttpServletResponse response = send(json(
                post(ENDPOINTS),
                "{\"url\": \"%s\", \"description\": \" ERP \", \"eventTypes\": [\"licence.paused\","
                                .formatted(PUBLIC_URL)
                        + " \"invoice.paid\"]}"));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        JsonNode created = body(response);
        long id = created.get("endpoint").get("id").asLong();
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo("http://localhost" + ENDPOINTS + "/" + id);
        assertThat(created.get("signingSecret").asString()).startsWith("whsec_");
        assertThat(created.get("endpoint").get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(created.get("endpoint").get("description").asString()).isEqualTo("ERP");
        assertThat(created.get("endpoint").get("eventTypes").toString())
                .isEqualTo("[\"licence.paused\",\"invoice.paid\"]");
        assertThat(created.get("endpoint").get("enabled").asBoolean()).isTrue();
        assertThat(created.get("endpoint").get("previousSecretUntil").isNull()).isTrue();

        MockHttpServletResponse read = send(get(ENDPOINTS + "/" + id));
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getHeader(HttpHeaders.ETAG)).isEqualTo(response.getHeader(HttpHeaders.ETAG));
        assertThat(body(read)).isEqualTo(created.get("endpoint"));
        assertThat(read.getContentAsString()).doesNotContain("whsec_").doesNotContain("ecret\"");
        assertThat(send(get(ENDPOINTS)).getContentAsString()).isEqualTo("[" + read.getContentAsString() + "]");

        MockHttpServletResponse changed = send(json(
                        patch(ENDPOINTS + "/" + id),
                        "{\"description\": \"Shop\", \"eventTypes\": [\"*\"], \"enabled\": false}")
                .header(HttpHeaders.IF_MATCH, read.getHeader(HttpHeaders.ETAG)));
        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
        assertThat(body(changed).get("description").asString()).isEqualTo("Shop");
        assertThat(body(changed).get("eventTypes").toString()).isEqualTo("[\"*\"]");
        assertThat(body(changed).get("enabled").asBoolean()).isFalse();
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isFalse();
        assertThat(webhooks.endpoint(org.owner(), id).allTypes()).isTrue();

        MockHttpServletResponse stale = send(json(patch(ENDPOINTS + "/" + id), "{\"enabled\": true}")
                .header(HttpHeaders.IF_MATCH, read.getHeader(HttpHeaders.ETAG)));
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isFalse();

        assertThat(send(json(patch(ENDPOINTS + "/" + id), "{\"enabled\": true}"))
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(delete(ENDPOINTS + "/" + id)).getStatus()).isEqualTo(204);
        assertThat(send(get(ENDPOINTS + "/" + id)).getStatus()).isEqualTo(404);
        assertThat(send(get(ENDPOINTS)).getContentAsString()).isEqualTo("[]");
        // The console's entries, in the same log: the façade wrote them.
        assertThat(audit(id)).containsExactly("ADDED", "CHANGED", "DISABLED", "ENABLED", "DELETED");
    }

    /**
     * A create sent again with its Idempotency-Key answers the first answer (its secret too) and registers nothing
     * more; a GET with the endpoint's ETag in If-None-Match is a 304 while it is unchanged; a read-only owner's token
     * may read but not write.
     */
    @Test
    void aCreateSentTwiceWithItsKeyRegistersOnceAndAReadOnlyTokenOnlyReads() throws Exception {
        String body = "{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL);
        MockHttpServletResponse first = send(json(post(ENDPOINTS), body).header("Idempotency-Key", "hook-1"));
        MockHttpServletResponse again = send(json(post(ENDPOINTS), body).header("Idempotency-Key", "hook-1"));
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(body(again)).isEqualTo(body(first));
        assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION));
        assertThat(webhooks.endpoints(org.owner())).hasSize(1);

        long id = body(first).get("endpoint").get("id").asLong();
        MockHttpServletResponse unchanged =
                send(get(ENDPOINTS + "/" + id).header(HttpHeaders.IF_NONE_MATCH, first.getHeader(HttpHeaders.ETAG)));
        assertThat(unchanged.getStatus()).isEqualTo(304);

        String readOnly = fixture.readOnlyToken(org.owner());
        assertThat(send(get(ENDPOINTS + "/" + id), readOnly).getStatus()).isEqualTo(200);
        assertThat(send(json(patch(ENDPOINTS + "/" + id), "{\"enabled\": false}"), readOnly)
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(delete(ENDPOINTS + "/" + id), readOnly).getStatus()).isEqualTo(403);
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isTrue();
    }

    @Test
    void aPrivateAddressIsRefusedUntilTheOrganisationAllowsThem() throws Exception {
        String body = "{\"url\": \"http://127.0.0.1:9/hooks\", \"eventTypes\": [\"*\"]}";
        MockHttpServletResponse refused = send(json(post(ENDPOINTS), body));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(body(refused).get("detail").asString()).contains("private address");
        assertThat(webhooks.endpoints(org.owner())).isEmpty();

        webhooks.allowPrivateAddresses(org.owner(), true);
        assertThat(created(body).get("endpoint").get("url").asString()).isEqualTo("http://127.0.0.1:9/hooks");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndChangesNothing() throws Exception {
        MockHttpServletResponse refused = send(json(
                post(ENDPOINTS),
                "{\"url\": \"ftp://example\", \"description\": \"%s\", \"eventTypes\": [\"licence.paused\","
                                .formatted("d".repeat(201))
                        + " \"licence.exploded\"]}"));
        assertThat(refused.getStatus()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(refused)
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("url", "eventTypes");
        assertThat(refused.getContentAsString()).contains("licence.exploded");

        MockHttpServletResponse tooLong = send(json(
                post(ENDPOINTS),
                "{\"url\": \"%s\", \"description\": \"%s\", \"eventTypes\": [\"*\"]}"
                        .formatted(PUBLIC_URL, "d".repeat(201))));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(body(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("description");
        assertThat(body(tooLong).get("detail").asString()).isEqualTo("Keep the description to 200 characters.");

        MockHttpServletResponse noEvents =
                send(json(post(ENDPOINTS), "{\"url\": \"%s\", \"eventTypes\": []}".formatted(PUBLIC_URL)));
        assertThat(noEvents.getStatus()).isEqualTo(422);
        assertThat(body(noEvents).get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");

        MockHttpServletResponse unknownField = send(json(
                post(ENDPOINTS),
                "{\"url\": \"%s\", \"eventTypes\": [\"*\"], \"secret\": \"mine\"}".formatted(PUBLIC_URL)));
        assertThat(unknownField.getStatus()).isEqualTo(400);
        assertThat(unknownField.getContentAsString()).contains("secret");

        MockHttpServletResponse noUrl = send(json(post(ENDPOINTS), "{\"eventTypes\": [\"*\"]}"));
        assertThat(noUrl.getStatus()).isEqualTo(422);
        assertThat(body(noUrl).get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(webhooks.endpoints(org.owner())).isEmpty();

        long id = created("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        MockHttpServletResponse badChange =
                send(json(patch(ENDPOINTS + "/" + id), "{\"eventTypes\": [\"screen.exploded\"]}"));
        assertThat(badChange.getStatus()).isEqualTo(422);
        assertThat(body(badChange).get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");
        MockHttpServletResponse longChange =
                send(json(patch(ENDPOINTS + "/" + id), "{\"description\": \"%s\"}".formatted("d".repeat(201))));
        assertThat(longChange.getStatus()).isEqualTo(422);
        assertThat(body(longChange).get("errors").get(0).get("field").asString())
                .isEqualTo("description");
        MockHttpServletResponse emptyChange = send(json(patch(ENDPOINTS + "/" + id), "{\"eventTypes\": []}"));
        assertThat(emptyChange.getStatus()).isEqualTo(422);
        assertThat(send(json(patch(ENDPOINTS + "/" + id), "{\"url\": \"https://203.0.113.11/\"}"))
                        .getStatus())
                .isEqualTo(400);
        assertThat(webhooks.endpoint(org.owner(), id).allTypes()).isTrue();
        assertThat(audit(id)).containsExactly("ADDED");
    }

    @Test
    void rollingTheSecretKeepsThePreviousOneForADayOrStopsItNow() throws Exception {
        JsonNode created = created("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL));
        long id = created.get("endpoint").get("id").asLong();
        String first = created.get("signingSecret").asString();

        Instant before = clock.instant();
        MockHttpServletResponse kept = send(post(ENDPOINTS + "/" + id + "/roll-secret"));
        assertThat(kept.getStatus()).as(kept.getContentAsString()).isEqualTo(200);
        String second = body(kept).get("signingSecret").asString();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        Instant until = Instant.parse(
                body(kept).get("endpoint").get("previousSecretUntil").asString());
        assertThat(until)
                .isBetween(before.plus(Duration.ofHours(24)), clock.instant().plus(Duration.ofHours(24)));

        MockHttpServletResponse stopped =
                send(json(post(ENDPOINTS + "/" + id + "/roll-secret"), "{\"keepPrevious\": false}"));
        assertThat(stopped.getStatus()).isEqualTo(200);
        assertThat(body(stopped).get("signingSecret").asString()).isNotIn(first, second);
        assertThat(body(stopped).get("endpoint").get("previousSecretUntil").isNull())
                .isTrue();
        assertThat(webhooks.endpoint(org.owner(), id).previousSecretUntil()).isNull();
        assertThat(send(get(ENDPOINTS + "/" + id)).getContentAsString()).doesNotContain("whsec_");
        assertThat(audit(id)).containsExactly("ADDED", "SECRET_ROLLED", "SECRET_ROLLED");
    }

    @Test
    void anEndpointsDeliveriesComeInNumberedPagesNewestFirst() throws Exception {
        long id = created("{\"url\": \"%s\", \"eventTypes\": [\"licence.created\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        Plan plan = fixture.monthlyPlan(org);
        for (String name : List.of("Lobby", "Bar", "Hall")) {
            licences.create(org.manager(), new NewLicence(plan.id(), name, null, 1, null));
        }

        MockHttpServletResponse first = send(get(ENDPOINTS + "/" + id + "/deliveries?limit=2"));
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
        JsonNode page = body(first);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(page.get("data")).hasSize(2);
        assertThat(page.get("data").get(0).get("eventType").asString()).isEqualTo("licence.created");
        assertThat(page.get("data").get(0).get("id").asLong())
                .isGreaterThan(page.get("data").get(1).get("id").asLong());
        assertThat(first.getHeader(HttpHeaders.LINK)).contains("rel=\"next\"");
        JsonNode second = body(send(get(ENDPOINTS + "/" + id + "/deliveries?limit=2&page=2")));
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("hasMore").asBoolean()).isFalse();

        assertThat(send(get(ENDPOINTS + "/" + id + "/deliveries?limit=101")).getStatus())
                .isEqualTo(400);
        assertThat(send(get(ENDPOINTS + "/" + (id + 1000) + "/deliveries")).getStatus())
                .isEqualTo(404);
    }

    /**
     * Owners only, as on the console: an account manager's and a client's token are refused 403 with the usual
     * problem, another organisation's owner is told the endpoint does not exist, and nothing changes.
     */
    @Test
    void onlyTheOrganisationsOwnersManageItsEndpoints() throws Exception {
        long id = created("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        String manager = fixture.token(org.manager());
        String client = fixture.token(org.alice());
        String otherOwner = fixture.token(fixture.organisation().owner());
        String base = ENDPOINTS + "/" + id;
        // Built afresh for each token: a builder keeps the token of each request it made.
        List<Supplier<MockHttpServletRequestBuilder>> onTheEndpoint = List.of(
                () -> get(base),
                () -> json(patch(base), "{\"enabled\": false}"),
                () -> delete(base),
                () -> post(base + "/roll-secret"),
                () -> get(base + "/deliveries"));
        for (String token : List.of(manager, client)) {
            for (var request : onTheEndpoint) {
                MockHttpServletResponse refused = send(request.get(), token);
                assertThat(refused.getStatus()).isEqualTo(403);
                assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            }
            assertThat(send(get(ENDPOINTS), token).getStatus()).isEqualTo(403);
            MockHttpServletResponse create = send(
                    json(post(ENDPOINTS), "{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL)), token);
            assertThat(create.getStatus()).isEqualTo(403);
        }
        assertThat(body(send(get(ENDPOINTS), manager)).get("detail").asString())
                .isEqualTo("Only an owner's token may manage webhook endpoints.");
        for (var request : onTheEndpoint) {
            assertThat(send(request.get(), otherOwner).getStatus()).isEqualTo(404);
            assertThat(send(request.get(), null).getStatus()).isEqualTo(401);
        }
        assertThat(send(get(ENDPOINTS), otherOwner).getContentAsString()).isEqualTo("[]");
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isTrue();
        assertThat(audit(id)).containsExactly("ADDED");
    }

    /**
     * An If-Match is compared with the endpoint under its row lock, in the change's transaction (decision 0162): a
     * PATCH or DELETE that arrives while another change of the endpoint is under way waits for it, and is then refused
     * because the endpoint is no longer as its sender read it. The check ran on the endpoint as read before the
     * change: both passed, and the second replaced the first's change, or deleted an endpoint its sender never saw.
     */
    @Test
    void aChangeOrDeleteWithAnETagWaitsForAChangeUnderWayAndIsRefusedOnceThatOneIsSaved() throws Exception {
        long id = created("{\"url\": \"%s\", \"description\": \"ERP\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        String address = ENDPOINTS + "/" + id;
        String tag = send(get(address)).getHeader(HttpHeaders.ETAG);

        MockHttpServletResponse late = whileChanged(
                () -> webhooks.change(org.owner(), id, new EndpointChange("Changed meanwhile", null, null)),
                () -> send(json(patch(address), "{\"description\": \"Mine\"}").header(HttpHeaders.IF_MATCH, tag)));

        assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(412);
        assertThat(webhooks.endpoint(org.owner(), id).description()).isEqualTo("Changed meanwhile");

        String changedTag = send(get(address)).getHeader(HttpHeaders.ETAG);
        MockHttpServletResponse lateDelete = whileChanged(
                () -> webhooks.disable(org.owner(), id),
                () -> send(delete(address).header(HttpHeaders.IF_MATCH, changedTag)));

        assertThat(lateDelete.getStatus()).as(lateDelete.getContentAsString()).isEqualTo(412);
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isFalse();
        assertThat(audit(id)).containsExactly("ADDED", "CHANGED", "DISABLED");
    }

    /**
     * A roll of the secret changes the endpoint's previousSecretUntil, part of its ETag: a PATCH sent with the tag
     * read before a roll under way waits for it and is refused, as for any other change (decision 0162).
     */
    @Test
    void aChangeWithAnETagReadBeforeARollUnderWayIsRefusedOnceTheRollIsSaved() throws Exception {
        long id = created("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        String address = ENDPOINTS + "/" + id;
        String tag = send(get(address)).getHeader(HttpHeaders.ETAG);

        MockHttpServletResponse late = whileChanged(
                () -> webhooks.rollSecret(org.owner(), id, true),
                () -> send(json(patch(address), "{\"enabled\": false}").header(HttpHeaders.IF_MATCH, tag)));

        assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(412);
        assertThat(webhooks.endpoint(org.owner(), id).enabled()).isTrue();
        assertThat(webhooks.endpoint(org.owner(), id).previousSecretUntil()).isNotNull();
        assertThat(audit(id)).containsExactly("ADDED", "SECRET_ROLLED");
    }

    /**
     * A PATCH of the events sent while a change of the description is under way keeps that change: the fields not
     * sent are the endpoint's under its lock (decision 0162), where they were read before the other change was saved
     * and written back over it.
     */
    @Test
    void aChangeOfTheEventsSentWhileTheDescriptionIsChangedKeepsBoth() throws Exception {
        long id = created("{\"url\": \"%s\", \"description\": \"ERP\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        String address = ENDPOINTS + "/" + id;

        MockHttpServletResponse events = whileChanged(
                () -> webhooks.change(org.owner(), id, new EndpointChange("Changed meanwhile", null, null)),
                () -> send(json(patch(address), "{\"eventTypes\": [\"invoice.paid\"]}")));

        assertThat(events.getStatus()).as(events.getContentAsString()).isEqualTo(200);
        assertThat(body(events).get("description").asString()).isEqualTo("Changed meanwhile");
        assertThat(webhooks.endpoint(org.owner(), id).description()).isEqualTo("Changed meanwhile");
        assertThat(webhooks.endpoint(org.owner(), id).allTypes()).isFalse();
    }

    /**
     * A change sent while a roll of the secret is under way is judged on the endpoint as the roll left it: its audit
     * entry says what it changed, not the roll's new previousSecretUntil as if the change had made it (its before was
     * read before the roll was saved).
     */
    @Test
    void aChangeSentWhileARollIsUnderWayRecordsOnlyItsOwnChange() throws Exception {
        long id = created("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();

        MockHttpServletResponse changed = whileChanged(
                () -> webhooks.rollSecret(org.owner(), id, true),
                () -> send(json(patch(ENDPOINTS + "/" + id), "{\"description\": \"Mine\"}")));

        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
        assertThat(audit(id)).containsExactly("ADDED", "SECRET_ROLLED", "CHANGED");
        List<String> states = jdbc.sql("""
                        select before_state, after_state from audit_event
                        where organisation_id = ? and subject_id = ? and action = 'CHANGED'""")
                .param(org.id())
                .param(id)
                .query((rs, n) -> List.of(rs.getString("before_state"), rs.getString("after_state")))
                .single();
        JsonNode before = JSON.readTree(states.get(0));
        JsonNode after = JSON.readTree(states.get(1));
        assertThat(before.path("previousSecretUntil"))
                .as(states.toString())
                .isEqualTo(after.path("previousSecretUntil"));
        assertThat(after.path("description").asString()).isEqualTo("Mine");
    }

    /**
     * Two rolls at the same instant, each sent with the ETag its sender read (decision 0170): the second waits for the
     * first under the endpoint's row lock, then is refused 412, so the secret the first answered stays the current one
     * instead of silently becoming the previous one (or, here with "stop now", signing nothing at all). The rolls stop
     * the previous secret, so previousSecretUntil stays null: the tag changes by secretCreatedAt alone. Before, the
     * roll took no If-Match and the second roll was made.
     */
    @Test
    void aRollWithAnETagReadBeforeAnotherRollUnderWayIsRefusedAndTheFirstSecretStays() throws Exception {
        long id = created("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL))
                .get("endpoint")
                .get("id")
                .asLong();
        String address = ENDPOINTS + "/" + id;
        MockHttpServletResponse read = send(get(address));
        String tag = read.getHeader(HttpHeaders.ETAG);
        String madeAt = body(read).path("secretCreatedAt").asString();
        List<String> firstSecret = new ArrayList<>();

        MockHttpServletResponse late = whileChanged(
                () -> firstSecret.add(
                        webhooks.rollSecret(org.owner(), id, false).signingSecret()),
                () -> send(json(post(address + "/roll-secret"), "{\"keepPrevious\": false}")
                        .header(HttpHeaders.IF_MATCH, tag)));

        assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(412);
        assertThat(late.getContentAsString()).doesNotContain("whsec_");
        assertThat(audit(id)).containsExactly("ADDED", "SECRET_ROLLED");
        MockHttpServletResponse now = send(get(address));
        assertThat(body(now).get("previousSecretUntil").isNull()).isTrue();
        assertThat(body(now).path("secretCreatedAt").asString()).isNotEqualTo(madeAt);
        assertThat(now.getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
        assertThat(firstSecret).hasSize(1);

        // With the tag as it is now the roll is made, and its answer's tag is the next roll's If-Match.
        MockHttpServletResponse rolled = send(json(post(address + "/roll-secret"), "{\"keepPrevious\": false}")
                .header(HttpHeaders.IF_MATCH, now.getHeader(HttpHeaders.ETAG)));
        assertThat(rolled.getStatus()).as(rolled.getContentAsString()).isEqualTo(200);
        assertThat(body(rolled).get("signingSecret").asString()).isNotEqualTo(firstSecret.get(0));
        assertThat(rolled.getHeader(HttpHeaders.ETAG))
                .isEqualTo(send(get(address)).getHeader(HttpHeaders.ETAG))
                .isNotEqualTo(now.getHeader(HttpHeaders.ETAG));
        // A stale tag is told before a body that is not the object the roll takes (decision 0130's order).
        MockHttpServletResponse staleAndBad =
                send(json(post(address + "/roll-secret"), "null").header(HttpHeaders.IF_MATCH, tag));
        assertThat(staleAndBad.getStatus()).isEqualTo(412);
        // Without If-Match a roll is made whatever happened meanwhile, as a PATCH is.
        assertThat(send(post(address + "/roll-secret")).getStatus()).isEqualTo(200);
        assertThat(audit(id)).containsExactly("ADDED", "SECRET_ROLLED", "SECRET_ROLLED", "SECRET_ROLLED");
    }

    /**
     * A create or a roll sent with an Idempotency-Key is replayed with its secret, but the answer kept for the replay
     * is sealed with the key-encryption key as the secret itself is (decisions 0167 and 0170): the database never holds
     * it in plain text. Before, the kept answer held the secret as sent, for a day.
     */
    @Test
    void aCreateOrARollSentWithAKeyIsReplayedWithItsSecretButKeptSealed() throws Exception {
        String createKey = "hook-sealed-" + org.id();
        String rollKey = "roll-sealed-" + org.id();
        String body = "{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL);
        MockHttpServletResponse first = send(json(post(ENDPOINTS), body).header("Idempotency-Key", createKey));
        MockHttpServletResponse again = send(json(post(ENDPOINTS), body).header("Idempotency-Key", createKey));
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(body(again)).isEqualTo(body(first));
        long id = body(first).get("endpoint").get("id").asLong();
        String roll = ENDPOINTS + "/" + id + "/roll-secret";
        MockHttpServletResponse rolled = send(post(roll).header("Idempotency-Key", rollKey));
        MockHttpServletResponse rolledAgain = send(post(roll).header("Idempotency-Key", rollKey));
        assertThat(rolledAgain.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(body(rolledAgain)).isEqualTo(body(rolled));
        assertThat(audit(id)).containsExactly("ADDED", "SECRET_ROLLED");

        List<String> secrets = List.of(
                body(first).get("signingSecret").asString(),
                body(rolled).get("signingSecret").asString());
        List<String> kept = jdbc.sql("select answer_body from idempotency_key where key_text in (?, ?)")
                .param(createKey)
                .param(rollKey)
                .query((rs, n) -> new String(rs.getBytes("answer_body"), StandardCharsets.UTF_8))
                .list();
        assertThat(kept)
                .hasSize(2)
                .allSatisfy(answer -> assertThat(answer)
                        .startsWith("aes-gcm:")
                        .doesNotContain("whsec_")
                        .doesNotContain(secrets.get(0))
                        .doesNotContain(secrets.get(1)));
    }

    /**
     * An answer kept sealed with a key-encryption key this node no longer has (a rotation's previous key removed within
     * the Idempotency-Key's day) is replayed with its status, Location and ETag but no body, as a screen's answer whose
     * credential is never kept, rather than failing the request (decision 0170).
     */
    @Test
    void aKeptAnswerSealedWithAKeyNoLongerGivenIsReplayedWithoutItsBody() throws Exception {
        String key = "hook-rotated-" + org.id();
        String body = "{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(PUBLIC_URL);
        MockHttpServletResponse first = send(json(post(ENDPOINTS), body).header("Idempotency-Key", key));
        long tokenId = jdbc.sql("select token_id from idempotency_key where key_text = ?")
                .param(key)
                .query(Long.class)
                .single();
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        String sealedElsewhere = new EncryptionAtRest(otherKey, "")
                .seal(
                        new EncryptionAtRest.Subject("idempotency_key " + tokenId + " " + key, "answer"),
                        first.getContentAsByteArray());
        jdbc.sql("update idempotency_key set answer_body = ? where key_text = ?")
                .param(sealedElsewhere.getBytes(StandardCharsets.US_ASCII))
                .param(key)
                .update();

        MockHttpServletResponse again = send(json(post(ENDPOINTS), body).header("Idempotency-Key", key));
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION));
        assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(first.getHeader(HttpHeaders.ETAG));
        assertThat(again.getContentAsString()).isEmpty();
        assertThat(webhooks.endpoints(org.owner())).hasSize(1);
    }

    /**
     * What {@code request} answers when it is sent while {@code change} is made in a transaction that another thread
     * holds open; that transaction commits a moment after the request was sent, so that the request meets it under
     * way (the request answers the same once it is committed, when it comes later).
     */
    private MockHttpServletResponse whileChanged(Runnable change, Callable<MockHttpServletResponse> request)
            throws Exception {
        var changed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> under = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            change.run();
            changed.countDown();
            awaitQuietly(release);
        }));
        assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        try {
            return request.call();
        } finally {
            releaseLater.join();
            under.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
