package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Licence imports over the REST API: send, follow, read the problems, confirm; and who is refused. */
@IntegrationTest
class LicenceImportApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FILE = "name,plan,screens\nLobby,Monthly,2\nKiosk,Weekly,1\nShop,monthly,3\n";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
    }

    record Answer(int status, JsonNode body, MockHttpServletResponse response) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    Answer upload(String bearerToken, String file) throws Exception {
        return send(post("/api/v1/licence-imports")
                .param("name", "book.csv")
                .with(bearer(bearerToken))
                .contentType("text/csv")
                .content(file));
    }

    JsonNode settled(long id) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String status = send(get("/api/v1/licence-imports/" + id).with(bearer(token)))
                            .body()
                            .get("status")
                            .asString();
                    return !status.equals("checking") && !status.equals("importing");
                });
        return send(get("/api/v1/licence-imports/" + id).with(bearer(token))).body();
    }

    long licences() {
        return jdbc.sql("select count(*) from licence where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aFileIsCheckedThenImportedOnConfirmationAndTheSameFileAgainCreatesNothing() throws Exception {
        Answer started = upload(token, FILE);
        assertThat(started.status()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        assertThat(started.response().getHeader("Location")).isEqualTo("/api/v1/licence-imports/" + id);

        JsonNode checked = settled(id);
        assertThat(checked.get("status").asString()).isEqualTo("checked");
        assertThat(checked.get("rows").asLong()).isEqualTo(3);
        assertThat(checked.get("toCreate").asLong()).isEqualTo(2);
        assertThat(checked.get("refused").asLong()).isEqualTo(1);
        JsonNode problems = send(get("/api/v1/licence-imports/" + id + "/problems")
                        .with(bearer(token)))
                .body();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asString()).isEqualTo("plan");
        assertThat(problems.get(0).get("reason").asString()).startsWith("No plan is named \"Weekly\"");
        assertThat(licences()).isZero();

        Answer confirmed =
                send(post("/api/v1/licence-imports/" + id + "/confirm").with(bearer(token)));
        assertThat(confirmed.status()).isEqualTo(202);
        assertThat(settled(id).get("created").asLong()).isEqualTo(2);
        assertThat(licences()).isEqualTo(2);
        assertThat(send(post("/api/v1/licence-imports/" + id + "/confirm").with(bearer(token)))
                        .status())
                .as("confirmed twice")
                .isEqualTo(409);

        long again = upload(token, FILE).body().get("id").asLong();
        JsonNode second = settled(again);
        assertThat(second.get("alreadyImported").asLong()).isEqualTo(2);
        assertThat(second.get("toCreate").asLong()).isZero();
        assertThat(send(post("/api/v1/licence-imports/" + again + "/confirm").with(bearer(token)))
                        .status())
                .isEqualTo(409);
        assertThat(licences()).isEqualTo(2);
    }

    @Test
    void aFileLargerThanTheApisOtherBodiesIsTaken() throws Exception {
        var file = new StringBuilder("name,plan,screens\n");
        for (int i = 1; file.length() <= 200 * 1024; i++) {
            file.append("Screen wall number ").append(i).append(",Monthly,1\n");
        }
        Answer started = upload(token, file.toString());
        assertThat(started.status()).isEqualTo(202);
        JsonNode checked = settled(started.body().get("id").asLong());
        assertThat(checked.get("refused").asLong()).isZero();
        assertThat(checked.get("toCreate").asLong())
                .isEqualTo(checked.get("rows").asLong())
                .isGreaterThan(5_000);
    }

    @Test
    void aFileThatIsNotALicenceCsvEndsRefusedWithTheReason() throws Exception {
        long id = upload(token, "").body().get("id").asLong();
        JsonNode refused = settled(id);
        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("problem").asString()).startsWith("The file is empty.");
    }

    @Test
    void anotherOrganisationAClientAReadOnlyTokenAndAnonymousAreRefused() throws Exception {
        long id = upload(token, FILE).body().get("id").asLong();
        settled(id);
        TestOrganisation other = fixture.organisation();
        String otherToken = fixture.token(other.manager());
        String clientToken = fixture.token(org.alice());
        for (String path :
                new String[] {"/api/v1/licence-imports/" + id, "/api/v1/licence-imports/" + id + "/problems"}) {
            assertThat(send(get(path).with(bearer(otherToken))).status()).isEqualTo(404);
            assertThat(send(get(path).with(bearer(clientToken))).status()).isEqualTo(403);
            assertThat(send(get(path)).status()).isEqualTo(401);
        }
        String confirm = "/api/v1/licence-imports/" + id + "/confirm";
        assertThat(send(post(confirm).with(bearer(otherToken))).status()).isEqualTo(404);
        assertThat(send(post(confirm).with(bearer(clientToken))).status()).isEqualTo(403);
        assertThat(send(post(confirm).with(bearer(fixture.readOnlyToken(org.manager()))))
                        .status())
                .isEqualTo(403);
        assertThat(send(post(confirm)).status()).isEqualTo(401);
        assertThat(upload(clientToken, FILE).status()).isEqualTo(403);
        assertThat(upload(fixture.readOnlyToken(org.manager()), FILE).status()).isEqualTo(403);
        assertThat(licences()).isZero();
        assertThat(send(get("/api/v1/licence-imports/" + id).with(bearer(token)))
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("checked");
    }
}
