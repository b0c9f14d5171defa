package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        assertThat(answer.problem().get("detail").asString())
                .isEqualTo("You are not signed in: sign in, then try again.");
        assertThat(answer.problem().get("instance").asString()).isEqualTo("/licences/selection");
        assertThat(send(get("/licences/selection").accept(MediaType.TEXT_HTML)).status())
                .as("a person is sent to the sign-in page")
                .isEqualTo(302);
    }

    /**
     * The 401 said "Your session has ended: sign in again.", in English, to every script: to one that never had a
     * session, and to a French page's. It says that the session ended only when a session cookie came (one the
     * database no longer knows: signed out, expired), else to sign in; in the request's language (decision 0123).
     */
    @Test
    void aScriptIsToldInItsLanguageWhetherItsSessionEndedOrItNeverSignedIn() throws Exception {
        var ended = new Cookie(
                "SESSION",
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
        var expected = Map.of(
                "en-GB:ended", "Your session has ended: sign in again.",
                "en-GB:none", "You are not signed in: sign in, then try again.",
                "fr:ended", "Votre session a pris fin\u00a0: reconnectez-vous.",
                "fr:none", "Vous n’êtes pas connecté\u00a0: connectez-vous, puis réessayez.");
        for (String language : List.of("en-GB", "fr")) {
            for (boolean withCookie : new boolean[] {true, false}) {
                var request = script(get("/licences/selection")).header("Accept-Language", language);
                Answer answer = send(withCookie ? request.cookie(ended) : request);
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.problem()).as(answer.body()).isNotNull();
                assertThat(answer.problem().get("type").asString()).isEqualTo(PROBLEMS + "unauthenticated");
                assertThat(answer.problem().get("detail").asString())
                        .as(language + (withCookie ? " with an ended session's cookie" : " without a cookie"))
                        .isEqualTo(expected.get(language + (withCookie ? ":ended" : ":none")));
            }
        }
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

    /**
     * A French page's script was refused in English: the 403 problems' details are in the request's language, as the
     * other problems of the pages (decision 0123). Types and titles stay the API's.
     */
    @Test
    void aScriptsRefusalIsInThePagesLanguage() throws Exception {
        Answer expired = send(script(post("/licences/selection/clear"))
                .header("Accept-Language", "fr")
                .with(csrf().useInvalidToken()));
        Answer owners = send(script(post("/plans").param("name", "Hebdo"))
                .header("Accept-Language", "fr")
                .with(fixture.signedIn(org.manager()))
                .with(csrf()));
        Answer client = send(script(get("/licences/selection"))
                .header("Accept-Language", "fr")
                .with(fixture.signedIn(org.alice())));
        Answer noToken = send(script(post("/licences/selection/clear")).header("Accept-Language", "fr"));

        assertThat(expired.problem().get("type").asString()).isEqualTo(PROBLEMS + "expired-form-token");
        assertThat(expired.problem().get("title").asString()).isEqualTo("Form token expired");
        assertThat(expired.problem().get("detail").asString())
                .isEqualTo("Le jeton de formulaire de cette page provient d’une session qui a pris fin\u00a0: rechargez"
                        + " la page, en vous reconnectant si on vous le demande, et réessayez.");
        assertThat(owners.problem().get("detail").asString())
                .isEqualTo("Seuls les propriétaires de votre organisation peuvent faire cela.");
        assertThat(client.problem().get("detail").asString()).isEqualTo("Votre compte ne peut pas faire cela.");
        assertThat(noToken.problem().get("detail").asString())
                .isEqualTo("Cette demande ne porte aucun jeton de formulaire\u00a0: elle n’a pas été envoyée par une"
                        + " page de LicenceDesk, et rien n’a été modifié.");
        for (Answer answer : List.of(owners, client, noToken)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.problem().get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
            assertThat(answer.problem().get("title").asString()).isEqualTo("Not allowed");
        }
    }

    private long plans() {
        return jdbc.sql("select count(*) from plan where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }
}
