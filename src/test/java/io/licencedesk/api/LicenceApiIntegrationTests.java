package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API's licences with a staff token: what the console does, and who is refused (H2; PostgreSQL below). */
@IntegrationTest
class LicenceApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan plan;
    String managerToken;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        managerToken = fixture.token(org.manager());
    }

    record Answer(int status, JsonNode body, MockHttpServletResponse response) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    Answer create(String token, String json) throws Exception {
        return send(post("/api/v1/licences")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    long assignedLicence() {
        return licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 2, org.alice().userId()))
                .id();
    }

    long licenceCount() {
        return jdbc.sql("select count(*) from licence where organisation_id = ?")
                .param(org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void createsReadsPausesResumesAndDeletesALicenceAsTheConsoleDoes() throws Exception {
        Answer created = create(
                managerToken,
                "{\"planId\": %d, \"name\": \"Lobby screens\", \"note\": \"Ground floor\", \"quantity\": 5}"
                        .formatted(plan.id()));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.response().getHeader("Location")).isEqualTo("http://localhost/api/v1/licences/" + id);
        assertThat(created.body().get("status").asString()).isEqualTo("available");
        assertThat(created.body().get("amount").get("amount").asString()).isEqualTo("50.00");
        assertThat(created.body().get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(created.body().get("client").isNull()).isTrue();
        assertThat(created.body().get("code").asString()).isNotBlank();

        Answer fetched = send(get("/api/v1/licences/" + id).with(bearer(managerToken)));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().get("note").asString()).isEqualTo("Ground floor");

        Answer listed = send(get("/api/v1/licences?q=lobby&limit=10").with(bearer(managerToken)));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("data").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(listed.body().get("count").asLong()).isEqualTo(1);

        long assigned = assignedLicence();
        Answer paused = send(post("/api/v1/licences/" + assigned + "/pause").with(bearer(managerToken)));
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.body().get("status").asString()).isEqualTo("paused");
        assertThat(paused.body().get("pauseReason").asString()).isEqualTo("manual");
        Answer pausedAgain =
                send(post("/api/v1/licences/" + assigned + "/pause").with(bearer(managerToken)));
        assertThat(pausedAgain.status()).isEqualTo(409);
        assertThat(pausedAgain.body().get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
        assertThat(pausedAgain.body().get("detail").asString()).isNotBlank();
        Answer resumed = send(post("/api/v1/licences/" + assigned + "/resume").with(bearer(managerToken)));
        assertThat(resumed.body().get("status").asString()).isEqualTo("assigned");
        assertThat(resumed.body().get("pauseReason").isNull()).isTrue();

        Answer history = send(get("/api/v1/licences/" + assigned + "/history").with(bearer(managerToken)));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("data").size()).isGreaterThanOrEqualTo(3);

        assertThat(send(delete("/api/v1/licences/" + id).with(bearer(managerToken)))
                        .status())
                .isEqualTo(204);
        assertThat(send(get("/api/v1/licences/" + id).with(bearer(managerToken)))
                        .status())
                .isEqualTo(404);
    }

    Answer patch(long id, String json) throws Exception {
        return send(MockMvcRequestBuilders.patch("/api/v1/licences/" + id)
                .with(bearer(managerToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /**
     * {@code q} given a coupon code written in groups, as people write one ("AB12 CD34", "ab12-cd34"), found nothing:
     * the code is stored without separators (decision 0152). A term holding a space still finds names.
     */
    @Test
    void theListsQFindsALicenceByItsCodeWrittenInGroups() throws Exception {
        Answer created = create(
                managerToken, "{\"planId\": %d, \"name\": \"Lobby screens\", \"quantity\": 1}".formatted(plan.id()));
        long id = created.body().get("id").asLong();
        String code = created.body().get("code").asString();
        create(managerToken, "{\"planId\": %d, \"name\": \"Hall\", \"quantity\": 1}".formatted(plan.id()));

        for (String typed : List.of(
                code.substring(0, 4) + " " + code.substring(4),
                code.substring(0, 4).toLowerCase(Locale.ROOT) + "-"
                        + code.substring(4).toLowerCase(Locale.ROOT),
                "Lobby screens")) {
            Answer listed = send(get("/api/v1/licences").param("q", typed).with(bearer(managerToken)));
            assertThat(listed.status()).as(typed).isEqualTo(200);
            assertThat(listed.body().get("count").asLong()).as(typed).isEqualTo(1);
            assertThat(listed.body().get("data").get(0).get("id").asLong())
                    .as(typed)
                    .isEqualTo(id);
        }
    }

    @Test
    void changesOnlyTheFieldsSentWithinTheRules() throws Exception {
        long id = assignedLicence();
        String code = send(get("/api/v1/licences/" + id).with(bearer(managerToken)))
                .body()
                .get("code")
                .asString();

        Answer renamed = patch(id, "{\"name\": \"Hall\", \"quantity\": 4}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("Hall");
        assertThat(renamed.body().get("quantity").asInt()).isEqualTo(4);
        assertThat(renamed.body().get("client").get("id").asLong())
                .isEqualTo(org.alice().userId());

        // "clientId": null is not the same as leaving it out: the licence becomes Available under a new code
        Answer released = patch(id, "{\"clientId\": null}");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("status").asString()).isEqualTo("available");
        assertThat(released.body().get("code").asString()).isNotEqualTo(code);
        assertThat(released.body().get("name").asString()).isEqualTo("Hall");

        Answer assigned = patch(id, "{\"clientId\": %d}".formatted(org.bob().userId()));
        assertThat(assigned.body().get("status").asString()).isEqualTo("assigned");
        assertThat(assigned.body().get("client").get("id").asLong())
                .isEqualTo(org.bob().userId());

        Answer history = send(get("/api/v1/licences/" + id + "/history").with(bearer(managerToken)));
        assertThat(history.body().get("data").get(0).get("changes").findValuesAsString("field"))
                .contains("clientId", "client");
    }

    /** As the console's form sent as it was loaded: a PATCH that changes nothing answers the licence and records nothing. */
    @Test
    void aPatchThatChangesNothingRecordsNothing() throws Exception {
        long id = assignedLicence();
        int entries = send(get("/api/v1/licences/" + id + "/history").with(bearer(managerToken)))
                .body()
                .get("data")
                .size();

        for (String body : List.of(
                "{}",
                "{\"name\": \" Lobby \", \"quantity\": 2, \"note\": \"\", \"planId\": %d, \"clientId\": %d}"
                        .formatted(plan.id(), org.alice().userId()))) {
            Answer same = patch(id, body);
            assertThat(same.status()).isEqualTo(200);
            assertThat(same.body().get("name").asString()).isEqualTo("Lobby");
        }

        assertThat(send(get("/api/v1/licences/" + id + "/history").with(bearer(managerToken)))
                        .body()
                        .get("data")
                        .size())
                .isEqualTo(entries);
    }

    @Test
    void refusesWhatTheRulesRefuseBesideTheFieldAndChangesNothing() throws Exception {
        long id = assignedLicence();
        licences.pause(org.manager(), id);
        List<Object> before = jdbc.sql("select * from licence where id = ?").param(id).query().listOfRows().stream()
                .map(Object.class::cast)
                .toList();
        TestOrganisation other = fixture.organisation();

        for (String body : List.of(
                "{\"name\": \"  \"}",
                "{\"quantity\": 0}",
                "{\"planId\": 999999}",
                "{\"clientId\": %d}".formatted(other.alice().userId()),
                "{\"name\": \"Fine\", \"quantity\": 10001}",
                "{\"name\": \"<b>Lobby</b>\"}",
                "{\"note\": \"<script>alert(1)</script>\"}")) {
            Answer refused = patch(id, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.body().get("type").asString()).as(body).startsWith("https://licencedesk.io/problems/");
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .as(body)
                    .isIn("name", "note", "quantity", "planId", "clientId");
        }
        assertThat(jdbc.sql("select * from licence where id = ?")
                        .param(id)
                        .query()
                        .listOfRows())
                .isEqualTo(before);
        // as in every PATCH here, null leaves a field as it is, but for the note and the client, where it means none
        Answer nulls = patch(id, "{\"name\": null, \"quantity\": null, \"planId\": null, \"note\": null}");
        assertThat(nulls.status()).isEqualTo(200);
        assertThat(nulls.body().get("name").asString()).isEqualTo("Lobby");
        assertThat(nulls.body().get("quantity").asInt()).isEqualTo(2);
        assertThat(send(MockMvcRequestBuilders.patch("/api/v1/licences/" + id)
                                .with(bearer(fixture.token(other.manager())))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Mine\"}"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void pagesWithCursorsThatKeepTheirPlace() throws Exception {
        for (int i = 0; i < 5; i++) {
            assignedLicence();
        }
        Answer first = send(get("/api/v1/licences?limit=2").with(bearer(managerToken)));
        assertThat(first.body().get("hasMore").asBoolean()).isTrue();
        String cursor = first.body().get("nextCursor").asString();
        Answer second = send(get("/api/v1/licences?limit=2&after=" + cursor).with(bearer(managerToken)));
        assertThat(second.body().get("data").size()).isEqualTo(2);
        assertThat(second.body().get("data").get(0).get("id").asLong())
                .isLessThan(first.body().get("data").get(1).get("id").asLong());
    }

    @Test
    void refusesACursorSentWithAnotherSortOrOrderAndNamesTheOneItWasMadeIn() throws Exception {
        for (String name : List.of("Delta", "Alpha", "Echo", "Charlie", "Bravo")) {
            licences.create(
                    org.manager(),
                    new NewLicence(plan.id(), name, null, 1, org.alice().userId()));
        }
        Answer first = send(get("/api/v1/licences?sort=name&order=asc&limit=2").with(bearer(managerToken)));
        assertThat(names(first)).containsExactly("Alpha", "Bravo");
        String next = first.body().get("nextCursor").asString();

        record Case(String query, String parameter) {}
        for (Case c : List.of(
                new Case("after=" + next, "after"),
                new Case("sort=created&after=" + next, "after"),
                new Case("sort=code&order=asc&after=" + next, "after"),
                new Case("sort=name&order=desc&after=" + next, "after"),
                new Case("sort=name&order=desc&before=" + next, "before"))) {
            Answer answer = send(get("/api/v1/licences?limit=2&" + c.query()).with(bearer(managerToken)));
            assertThat(answer.status()).as(c.query()).isEqualTo(400);
            assertThat(answer.body().get("type").asString())
                    .as(c.query())
                    .isEqualTo("https://licencedesk.io/problems/bad-parameter");
            assertThat(answer.body().get("errors").get(0).get("field").asString())
                    .as(c.query())
                    .isEqualTo(c.parameter());
            assertThat(answer.body().get("detail").asString())
                    .as(c.query())
                    .contains("sorted by name, asc", "sort=name&order=asc");
        }

        Answer second = send(get("/api/v1/licences?sort=name&order=asc&limit=2&after=" + next)
                .with(bearer(managerToken)));
        assertThat(names(second)).containsExactly("Charlie", "Delta");
        String previous = second.body().get("previousCursor").asString();
        Answer back = send(get("/api/v1/licences?sort=name&order=asc&limit=2&before=" + previous)
                .with(bearer(managerToken)));
        assertThat(names(back)).containsExactly("Alpha", "Bravo");
    }

    /**
     * A sort sent without an order (decision 0105): by date created newest first, the list's default; by any other
     * column ascending, as the console's column headings sort on a first click. {@code sort=name} listed Z to A. A
     * page's cursor, sent on with the same sort and still no order, gives the next page of that order.
     */
    @Test
    void sortsAscendingByAnyColumnButTheDateCreatedWhenNoOrderIsSent() throws Exception {
        List<String> made = List.of("Delta", "Alpha", "Echo", "Charlie", "Bravo");
        for (int i = 0; i < made.size(); i++) {
            licences.create(org.manager(), new NewLicence(plan.id(), made.get(i), null, 10 - i, null));
        }
        List<String> ascending = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo");
        List<String> newestFirst = List.of("Bravo", "Charlie", "Echo", "Alpha", "Delta"); // and fewest screens first
        assertThat(names(send(get("/api/v1/licences?sort=name").with(bearer(managerToken)))))
                .isEqualTo(ascending);
        assertThat(names(send(get("/api/v1/licences?sort=name&order=desc").with(bearer(managerToken)))))
                .isEqualTo(List.of("Echo", "Delta", "Charlie", "Bravo", "Alpha"));
        assertThat(names(send(get("/api/v1/licences?sort=quantity").with(bearer(managerToken)))))
                .isEqualTo(newestFirst);
        assertThat(names(send(get("/api/v1/licences?sort=amount").with(bearer(managerToken)))))
                .isEqualTo(newestFirst);
        assertThat(names(send(get("/api/v1/licences?sort=created").with(bearer(managerToken)))))
                .isEqualTo(newestFirst);
        assertThat(names(send(get("/api/v1/licences").with(bearer(managerToken)))))
                .isEqualTo(newestFirst);
        Answer byCode = send(get("/api/v1/licences?sort=code").with(bearer(managerToken)));
        assertThat(names(byCode)).hasSize(5);
        List<String> codes = byCode.body()
                .get("data")
                .valueStream()
                .map(row -> row.get("code").asString())
                .toList();
        assertThat(codes).isSorted();

        Answer first = send(get("/api/v1/licences?sort=name&limit=2").with(bearer(managerToken)));
        assertThat(names(first)).containsExactly("Alpha", "Bravo");
        Answer second = send(get("/api/v1/licences?sort=name&limit=2&after="
                        + first.body().get("nextCursor").asString())
                .with(bearer(managerToken)));
        assertThat(names(second)).containsExactly("Charlie", "Delta");
    }

    private static List<String> names(Answer page) {
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        return page.body()
                .get("data")
                .valueStream()
                .map(row -> row.get("name").asString())
                .toList();
    }

    @Test
    void answersACursorThatIsNotOneAsABadParameterNamingTheParameterSent() throws Exception {
        assignedLicence();
        String notANumber = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("many\n1".getBytes(StandardCharsets.UTF_8));
        record Case(String query, String parameter) {}
        for (Case c : List.of(
                new Case("after=garbage", "after"),
                new Case("before=garbage", "before"),
                new Case("before=Ciox", "before"),
                new Case("sort=quantity&after=" + notANumber, "after"))) {
            Answer answer = send(get("/api/v1/licences?" + c.query()).with(bearer(managerToken)));
            assertThat(answer.status()).as(c.query()).isEqualTo(400);
            assertThat(answer.body().get("type").asString())
                    .as(c.query())
                    .isEqualTo("https://licencedesk.io/problems/bad-parameter");
            assertThat(answer.body().get("errors").get(0).get("field").asString())
                    .as(c.query())
                    .isEqualTo(c.parameter());
        }
    }

    @Test
    void refusesWhoeverMayNotAndChangesNothing() throws Exception {
        long id = assignedLicence();
        long before = licenceCount();
        String body = "{\"planId\": %d, \"name\": \"X\", \"quantity\": 1}".formatted(plan.id());

        // nobody: no token, a made-up one, a browser session with its CSRF token
        Answer anonymous = send(get("/api/v1/licences"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.response().getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.response().getContentType()).startsWith("application/problem+json");
        assertThat(send(get("/api/v1/licences").with(bearer("ldk_live_" + "A".repeat(43))))
                        .status())
                .isEqualTo(401);
        assertThat(send(post("/api/v1/licences")
                                .with(fixture.signedIn(org.manager()))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .status())
                .isEqualTo(401);

        // a read-only token may read, not write
        String readOnly = fixture.readOnlyToken(org.manager());
        assertThat(send(get("/api/v1/licences/" + id).with(bearer(readOnly))).status())
                .isEqualTo(200);
        Answer write = create(readOnly, body);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body().get("type").asString()).isEqualTo("https://licencedesk.io/problems/read-only-token");

        // another organisation's staff do not see it
        TestOrganisation other = fixture.organisation();
        String otherToken = fixture.token(other.owner());
        assertThat(send(get("/api/v1/licences/" + id).with(bearer(otherToken))).status())
                .isEqualTo(404);
        assertThat(send(post("/api/v1/licences/" + id + "/pause").with(bearer(otherToken)))
                        .status())
                .isEqualTo(404);
        assertThat(send(delete("/api/v1/licences/" + id).with(bearer(otherToken)))
                        .status())
                .isEqualTo(404);
        assertThat(send(get("/api/v1/licences").with(bearer(otherToken)))
                        .body()
                        .get("count")
                        .asLong())
                .isZero();

        // a client's token is not staff
        assertThat(send(get("/api/v1/licences").with(bearer(fixture.token(org.alice()))))
                        .status())
                .isEqualTo(403);

        // a revoked or expired token stops on its next request
        String revoked = fixture.token(org.manager());
        assertThat(send(get("/api/v1/licences").with(bearer(revoked))).status()).isEqualTo(200);
        jdbc.sql("update api_token set revoked_at = current_timestamp where prefix = ? and user_id = ?")
                .param(revoked.substring(0, 15))
                .param(org.manager().userId())
                .update();
        assertThat(send(get("/api/v1/licences").with(bearer(revoked))).status()).isEqualTo(401);
        String expired = fixture.token(org.manager());
        jdbc.sql("update api_token set expires_at = timestamp '2020-01-01 00:00:00' where prefix = ? and user_id = ?")
                .param(expired.substring(0, 15))
                .param(org.manager().userId())
                .update();
        assertThat(send(get("/api/v1/licences").with(bearer(expired))).status()).isEqualTo(401);

        // a disabled person's tokens stop too
        String disabled = fixture.token(org.manager());
        jdbc.sql("update app_user set enabled = false where id = ?")
                .param(org.manager().userId())
                .update();
        assertThat(send(get("/api/v1/licences").with(bearer(disabled))).status())
                .isEqualTo(401);

        assertThat(licenceCount()).isEqualTo(before);
        assertThat(licences.details(org.owner(), id).status().name()).isEqualTo("ASSIGNED");
    }

    @Test
    void answersBadInputWithAProblemAndChangesNothing() throws Exception {
        long before = licenceCount();
        record Case(String contentType, String body, int status, String type) {}
        var cases = java.util.List.of(
                new Case("application/json", "{", 400, "malformed-body"),
                new Case("application/json", "[]", 400, "malformed-body"),
                new Case(
                        "application/json",
                        "{\"planId\": \"twelve\", \"name\": \"X\", \"quantity\": 1}",
                        400,
                        "malformed-body"),
                new Case(
                        "application/json",
                        "{\"planId\": %d, \"name\": \"X\", \"quantity\": 1, \"colour\": 1}".formatted(plan.id()),
                        400,
                        "malformed-body"),
                new Case("application/json", "{\"name\": \"X\", \"quantity\": 1}", 422, "validation"),
                new Case(
                        "application/json",
                        "{\"planId\": %d, \"name\": \"\", \"quantity\": 1}".formatted(plan.id()),
                        422,
                        "validation"),
                new Case(
                        "application/json",
                        "{\"planId\": %d, \"name\": \"X\", \"quantity\": 0}".formatted(plan.id()),
                        422,
                        "validation"),
                new Case(
                        "application/json",
                        "{\"planId\": 999999999, \"name\": \"X\", \"quantity\": 1}",
                        422,
                        "validation"),
                new Case(
                        "application/json",
                        "{\"planId\": %d, \"name\": \"<img src=x onerror=alert(1)>\", \"quantity\": 1}"
                                .formatted(plan.id()),
                        422,
                        "validation"),
                new Case(
                        "application/json",
                        "{\"planId\": %d, \"name\": \"X\", \"note\": \"<b>x</b>\", \"quantity\": 1}"
                                .formatted(plan.id()),
                        422,
                        "validation"),
                new Case("text/plain", "planId=1", 415, "unsupported-media-type"),
                new Case(
                        "application/json",
                        "{\"planId\": %d, \"name\": \"X\", \"quantity\": 99999999999}".formatted(plan.id()),
                        400,
                        "malformed-body"));
        for (Case c : cases) {
            Answer answer = send(post("/api/v1/licences")
                    .with(bearer(managerToken))
                    .contentType(c.contentType())
                    .content(c.body()));
            assertThat(answer.status()).as(c.body()).isEqualTo(c.status());
            assertThat(answer.body().get("type").asString())
                    .as(c.body())
                    .isEqualTo("https://licencedesk.io/problems/" + c.type());
        }
        for (String query : java.util.List.of(
                "sort=colour",
                "order=sideways",
                "limit=0",
                "limit=101",
                "limit=x",
                "client=abc",
                "after=%%%",
                "after=bm90IGEgY3Vyc29y",
                "expired=maybe")) {
            Answer answer = send(get("/api/v1/licences?" + query).with(bearer(managerToken)));
            assertThat(answer.status()).as(query).isBetween(400, 422);
            assertThat(answer.response().getContentType()).as(query).startsWith("application/problem+json");
        }
        // An id that is not one names nothing: the 404 of an id that does not exist (decision 0151).
        assertThat(send(get("/api/v1/licences/abc").with(bearer(managerToken))).status())
                .isEqualTo(404);
        assertThat(licenceCount()).isEqualTo(before);
    }
}
