package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that accepts only {@code application/problem+json} reads JSON: a GET that succeeds is answered with its
 * resource as application/json (it was a 406), and an error still with its problem. An {@code Accept} that nothing
 * matches stays a 406, as a problem that says what the operation answers.
 */
@IntegrationTest
class AcceptProblemJsonIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    TestOrganisation org;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
    }

    MockHttpServletResponse fetch(String path, String accept) throws Exception {
        return mvc.perform(get(path).with(bearer(token)).header("Accept", accept))
                .andReturn()
                .getResponse();
    }

    static JsonNode body(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aGetThatSucceedsIsAnsweredWithJson() throws Exception {
        for (String accept : new String[] {"application/problem+json", "application/problem+json;q=0.5"}) {
            MockHttpServletResponse plans = fetch("/api/v1/plans", accept);

            assertThat(plans.getStatus()).as(accept).isEqualTo(200);
            assertThat(plans.getContentType()).as(accept).startsWith("application/json");
            assertThat(body(plans).get(0).get("name").asString()).isEqualTo("Monthly");
        }
    }

    @Test
    void anErrorIsStillAProblem() throws Exception {
        MockHttpServletResponse missing = fetch("/api/v1/plans/999999999", "application/problem+json");

        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(body(missing).get("type").asString()).endsWith("/not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/json;q=0", "application/json;q=0, text/csv"})
    void anAcceptNothingMatchesIsA406Problem(String accept) throws Exception {
        MockHttpServletResponse refused = fetch("/api/v1/plans", accept);

        assertThat(refused.getStatus()).as(accept).isEqualTo(406);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = body(refused);
        assertThat(problem.get("type").asString()).endsWith("/not-acceptable");
        assertThat(problem.get("detail").asString()).contains("application/json");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/plans");
    }

    /**
     * The 406's detail says in words what the operation answers, whichever layer refused it: it was Spring's own,
     * "Acceptable representations: [application/json].", a Java list, for every operation but the CSV exports.
     */
    @Test
    void a406SaysInWordsWhatTheOperationAnswers() throws Exception {
        var json = fetch("/api/v1/plans", "text/csv");
        assertThat(body(json).get("detail").asString())
                .isEqualTo("This operation answers application/json: accept it (or */*).");
        var device = mvc.perform(get("/api/v1/device/time").header("Accept", "image/png"))
                .andReturn()
                .getResponse();
        assertThat(device.getStatus()).isEqualTo(406);
        assertThat(body(device).get("detail").asString())
                .isEqualTo("This operation answers application/json: accept it (or */*).");
        var write = mvc.perform(post("/api/v1/plans")
                        .with(bearer(fixture.token(org.owner())))
                        .header("Accept", "text/html")
                        .contentType("application/json")
                        .content("{\"name\": \"Weekly\", \"term\": \"P7D\", \"unitPrice\": \"3.00\"}"))
                .andReturn()
                .getResponse();
        assertThat(write.getStatus()).isEqualTo(406);
        assertThat(body(write).get("detail").asString()).doesNotContain("[", "representations");
        assertThat(body(fetch("/api/v1/plans", "application/json")))
                .as("nothing was created")
                .hasSize(1);
    }
}
