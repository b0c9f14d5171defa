package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
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
 * What the pages' scripts (app.js's fetches, asking for JSON alone) are answered when they are refused, and that a
 * person's browser still gets its pages (decision 0094). The scripts got a 401 typed {@code about:blank}, the one
 * problem of the product without a documented type, and a 403 they could not tell apart: the form token of an ended
 * session (reload the page) and an action the person's role does not allow (reloading changes nothing) were the same
 * Boot error JSON, so the page told an account manager refused an owner's action that their session had ended.
 */
@IntegrationTest
class ScriptRefusalsIntegrationTests {

    static final String PROBLEMS = "https://licencedesk.io/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        fixture.monthlyPlan(org);
    }

    record Answer(int status, String contentType, JsonNode problem, String body) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String type = response.getContentType();
        boolean problem = type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return new Answer(
                response.getStatus(), type, problem ? JsonMapper.shared().readTree(body) : null, body);
    }

    static MockHttpServletRequestBuilder script(MockHttpServletRequestBuilder request) {
        return request.accept(MediaType.APPLICATION_JSON);
    }

    @Test
    void aScriptWithoutASessionIsAnsweredTheApisUnauthenticatedProblem() throws Exception {
        Answer answer = send(script(get("/licences/selection")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problem()).as(answer.body()).isNotNull();
        assertThat(answer.problem().get("type").asString()).isEqualTo(PROBLEMS + "unauthenticated");
        assertThat(answer.problem().get("title").asString()).isEqualTo("Authentication required");
        assertThat(answer.problem().get("status").asInt()).isEqualTo(401);
        assertThat(answer.problem().get("detail").asString()).isEqualTo("Your session has ended: sign in again.");
        assertThat(answer.problem().get("instance").asString()).isEqualTo("/licences/selection");
        assertThat(send(get("/licences/selection").accept(MediaType.TEXT_HTML)).status())
                .as("a person is sent to the sign-in page")
                .isEqualTo(302);
    }

    @Test
    void aScriptsChangeWithTheFormTokenOfAnEndedSessionIsTheExpiredFormTokenProblem() throws Exception {
        var tick = post("/licences/selection").param("id", "1").param("selected", "true");

        Answer signedOut = send(script(tick).with(csrf().useInvalidToken()));
        Answer earlierSession = send(script(post("/licences/selection/clear"))
                .with(fixture.signedIn(org.manager()))
                .with(csrf().useInvalidToken()));

        for (Answer answer : new Answer[] {signedOut, earlierSession}) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.problem()).as(answer.body()).isNotNull();
            assertThat(answer.problem().get("type").asString()).isEqualTo(PROBLEMS + "expired-form-token");
            assertThat(answer.problem().get("title").asString()).isEqualTo("Form token expired");
        }
        assertThat(signedOut.problem().get("instance").asString()).isEqualTo("/licences/selection");
    }

    @Test
    void aManagersScriptAskingForAnOwnersActionIsForbiddenNotSignedOut() throws Exception {
        long plans = plans();

        Answer answer = send(script(post("/plans")
                        .param("name", "Weekly")
                        .param("term", "P7D")
                        .param("unitPrice", "1.00"))
                .with(fixture.signedIn(org.manager()))
                .with(csrf()));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problem()).as(answer.body()).isNotNull();
        assertThat(answer.problem().get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(answer.problem().get("title").asString()).isEqualTo("Not allowed");
        assertThat(answer.problem().get("detail").asString()).isEqualTo("Only your organisation's owners may do this.");
        assertThat(plans()).isEqualTo(plans);

        var page = mvc.perform(post("/plans")
                        .param("name", "Weekly")
                        .param("term", "P7D")
                        .param("unitPrice", "1.00")
                        .accept(MediaType.TEXT_HTML)
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(403);
        assertThat(page.getResponse().getContentType())
                .as("a person's browser gets the error page (its dispatch is not run by MockMvc), not a problem")
                .isNull();
        assertThat(page.getRequest().getAttribute(ViewAsRefusals.REFUSAL)).isEqualTo("ownersOnly");
        assertThat(plans()).isEqualTo(plans);
    }

    @Test
    void aClientsScriptInTheConsoleIsForbiddenNotSignedOut() throws Exception {
        Answer answer = send(script(get("/licences/selection")).with(fixture.signedIn(org.alice())));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problem()).as(answer.body()).isNotNull();
        assertThat(answer.problem().get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(answer.problem().get("detail").asString()).isEqualTo("Your account may not do this.");
    }

    private long plans() {
        return jdbc.sql("select count(*) from plan where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }
}
