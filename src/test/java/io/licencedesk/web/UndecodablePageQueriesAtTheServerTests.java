package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page's address with a query string Tomcat cannot decode ({@code ?q=%zz}) is answered as any other address of
 * the page once who asks is known (decision 0114): an anonymous visitor is sent to sign in (a page's script gets the
 * {@code unauthenticated} problem), a signed-in person gets the 400 page with their navigation, and their page's
 * script the {@code bad-request} problem. The check ran before Spring Security, so an anonymous visitor was told 400
 * for an address they may not open. MockMvc decodes nothing, so these go to the running server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UndecodablePageQueriesAtTheServerTests {

    static final String BROWSER = BadPageRequestsIntegrationTests.BROWSER;
    static final String FORM = "application/x-www-form-urlencoded";
    static final List<String> UNDECODABLE = List.of("?q=%zz", "?%ZZ=1", "?q=%C3%28", "?" + "a=1&".repeat(1_500));

    @LocalServerPort
    int port;

    @Autowired
    TestOrganisations organisations;

    RawHttp http;
    TestOrganisation org;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        org = organisations.create();
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws IOException {
        for (String path : List.of("/licences", "/portal/licences", "/invoices")) {
            for (String query : UNDECODABLE) {
                Answer answer = http.exchange("GET", path + query, Map.of("Accept", BROWSER), null);
                assertThat(answer.status()).as(path + query).isEqualTo(302);
                assertThat(answer.headers().get("location")).as(path + query).endsWith("/login");
            }
        }
        Answer script = http.exchange("GET", "/licences?q=%zz", Map.of("Accept", "application/json"), null);
        assertThat(script.status()).isEqualTo(401);
        assertThat(problem(script).get("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void aSignedInPersonGetsTheBadRequestPageWithTheirNavigation() throws IOException {
        assertBadRequestPage(org.manager(), "/licences", "href=\"/invoices\"");
        assertBadRequestPage(org.alice(), "/portal/licences", "href=\"/portal/invoices\"");
    }

    @Test
    void aSignedInPersonsScriptGetsTheBadRequestProblem() throws IOException {
        String session = signIn(org.manager());
        Answer answer =
                http.exchange("GET", "/licences?q=%zz", Map.of("Cookie", session, "Accept", "application/json"), null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(problem(answer).get("type").asString()).endsWith("/bad-request");
        assertThat(problem(answer).get("instance").asString()).isEqualTo("/licences");
    }

    void assertBadRequestPage(Caller person, String path, String navigation) throws IOException {
        String session = signIn(person);
        for (String query : UNDECODABLE) {
            Answer answer = http.exchange("GET", path + query, Map.of("Cookie", session, "Accept", BROWSER), null);
            assertThat(answer.status()).as(path + query).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("text/html");
            assertThat(answer.body())
                    .as(path + query)
                    .contains("That request was not valid")
                    .contains("class=\"navbar navbar-expand-md navbar-dark app-navbar\"")
                    .contains(navigation)
                    .contains(person.email());
        }
    }

    /** A signed-in session's cookie, signing in as a person does: the sign-in page, then its form. */
    String signIn(Caller person) throws IOException {
        Answer signInPage = http.exchange("GET", "/login", Map.of("Accept", BROWSER), null);
        String form = "email=" + UriUtils.encodeQueryParam(person.email(), StandardCharsets.UTF_8) + "&password="
                + TestOrganisation.PASSWORD + "&_csrf=" + HostileInputIntegrationTests.csrfToken(signInPage);
        Answer signedIn = http.exchange(
                "POST",
                "/login",
                Map.of("Cookie", HostileInputIntegrationTests.cookie(signInPage), "Content-Type", FORM),
                form);
        assertThat(signedIn.headers().get("location")).as(person.email()).doesNotContain("/login");
        return HostileInputIntegrationTests.cookie(signedIn);
    }

    static JsonNode problem(Answer answer) {
        return JsonMapper.shared().readTree(answer.body());
    }
}
