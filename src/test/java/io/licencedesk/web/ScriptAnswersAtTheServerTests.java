package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.TRACES;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ScriptAnswersIntegrationTests cannot send through MockMvc: errors the servlet container answers itself, by an
 * error dispatch to the error page (an uncaught exception, a request Spring Security's firewall refuses) or by
 * Tomcat's own report (an address it cannot read, a method it does not implement). A page's script ({@code Accept:
 * application/json} alone) got Boot's own JSON ({@code timestamp}, {@code status}, {@code error}, {@code path}) or
 * Tomcat's HTML page for them; it gets an RFC 9457 problem in the person's language, as for every other refusal
 * (decision 0104), and a person's browser keeps the HTML error page. Nothing of an exception is ever said.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScriptAnswersAtTheServerTests {

    static final String SCRIPT = "application/json";
    static final String BROWSER = ScriptAnswersIntegrationTests.BROWSER;
    /** What the failing page below throws: no answer may repeat it. */
    static final String SECRET = "a secret of the server";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestOrganisations organisations;

    RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
    }

    /**
     * A page that fails as a bug would: an uncaught exception, which the container dispatches to the error page. A
     * member class of the test's configuration, so that this context alone has it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingPage {

        @RestController
        static class Failing {
            // Under /password/, which anyone may open, so that no sign-in stands before the failure.
            @GetMapping("/password/failing-for-a-test")
            String fail() {
                throw new IllegalStateException(SECRET);
            }
        }
    }

    /** Requests refused before any controller, outside /api, by method and target. */
    static final List<String> REFUSED_BEFORE_THE_APPLICATION = List.of(
            // Spring Security's firewall: an error dispatch to the error page
            "GET //licences",
            "GET /licences;jsessionid=x",
            "GET /licences/./1",
            "GET /portal//licences",
            "FOO /licences",
            "PROPFIND /portal/licences",
            // Tomcat itself: its error report
            "GET /licences%2F1",
            "GET /licences/%00",
            "GET /portal%5Clicences",
            "CONNECT /licences",
            // An address of the portal's: TRACE on a path nothing serves is that path's 404 (decision 0151)
            "TRACE /portal");

    @Test
    void aScriptGetsAProblemForEveryRequestRefusedBeforeTheApplication() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String request : REFUSED_BEFORE_THE_APPLICATION) {
            String method = request.substring(0, request.indexOf(' '));
            String target = request.substring(request.indexOf(' ') + 1);
            for (String language : List.of("en", "fr")) {
                Answer answer =
                        http.exchange(method, target, Map.of("Accept", SCRIPT, "Accept-Language", language), null);
                JsonNode problem = problem(answer);
                if (answer.status() < 400
                        || answer.status() >= 500
                        || problem == null
                        || problem.get("status").asInt() != answer.status()
                        || !problem.get("detail").asString().equals(detailFor(problem, language))) {
                    wrong.add(request + " (" + language + "): " + answer);
                }
            }
            Answer page = http.exchange(method, target, Map.of("Accept", BROWSER), null);
            if (page.status() < 400
                    || page.status() >= 500
                    || !page.contentType().startsWith("text/html")) {
                wrong.add(request + " as a person: " + page.status() + " " + page.contentType());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aScriptGetsAnInternalProblemInItsLanguageForAnUncaughtExceptionAndAPersonThePage() throws Exception {
        for (String language : List.of("en", "fr")) {
            Answer answer = http.exchange(
                    "GET", "/password/failing-for-a-test", Map.of("Accept", SCRIPT, "Accept-Language", language), null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
            JsonNode problem = problem(answer);
            assertThat(problem).as(answer.toString()).isNotNull();
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/internal");
            assertThat(problem.get("title").asString()).isEqualTo("Internal error");
            assertThat(problem.get("detail").asString())
                    .isEqualTo(
                            language.equals("en")
                                    ? "We could not finish that. Nothing was changed. Please try again in a moment."
                                    : "Nous n’avons pas pu terminer. Rien n’a été modifié. Veuillez réessayer dans un"
                                            + " instant.");
            assertThat(problem.get("instance").asString()).isEqualTo("/password/failing-for-a-test");
        }
        Answer page = http.exchange("GET", "/password/failing-for-a-test", Map.of("Accept", BROWSER), null);
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Something went wrong").doesNotContain(SECRET);
        // A program that asks for anything (curl's */*) is not a page's script: it gets the page, not Boot's JSON.
        Answer anything = http.exchange("GET", "/password/failing-for-a-test", Map.of("Accept", "*/*"), null);
        assertThat(anything.status()).isEqualTo(500);
        assertThat(anything.contentType()).startsWith("text/html");
        assertThat(anything.body()).doesNotContain("timestamp").doesNotContain(SECRET);
    }

    /**
     * A POST that never had a session nor a form token (a robot's, to /robots.txt) was told "This form has expired: it
     * was opened in an earlier session", a script that its "form token is from a session that has ended". It is told
     * that it carries no form token, still refused by CSRF (decision 0118); a form of an ended session keeps its words.
     */
    @Test
    void aRequestWithoutAnyFormTokenIsNotToldOfASessionItNeverHad() throws Exception {
        for (String accept : List.of(BROWSER, "*/*")) {
            Answer page = http.exchange("POST", "/robots.txt", Map.of("Accept", accept), "");
            assertThat(page.status()).as(page.toString()).isEqualTo(403);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body())
                    .contains("<title>Not sent from a LicenceDesk page · LicenceDesk</title>")
                    .contains("This request carries no form token")
                    .doesNotContain("This form has expired", "earlier session");
        }
        // A multipart form's fields cannot be read before the application (multipart parsing is off): the import form
        // posted without JavaScript carries its token there, so it is not told it has none.
        Answer multipart = http.exchange(
                "POST",
                "/licences/imports",
                Map.of("Accept", BROWSER, "Content-Type", "multipart/form-data; boundary=b"),
                "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nold\r\n--b--\r\n");
        assertThat(multipart.status()).isEqualTo(403);
        assertThat(multipart.body()).doesNotContain("Not sent from a LicenceDesk page");
        Answer french = http.exchange("POST", "/robots.txt", Map.of("Accept", BROWSER, "Accept-Language", "fr"), "");
        assertThat(french.body())
                .contains("Non envoyé depuis une page de LicenceDesk")
                .doesNotContain("Ce formulaire a expiré", "session précédente");

        Answer script = http.exchange("POST", "/licences/selection/clear", Map.of("Accept", SCRIPT), "");
        assertThat(script.status()).isEqualTo(403);
        JsonNode problem = problem(script);
        assertThat(problem).as(script.toString()).isNotNull();
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/forbidden");
        assertThat(problem.get("detail").asString())
                .isEqualTo("This request carries no form token, so it was not sent by a LicenceDesk page: nothing was"
                        + " changed.");

        Answer ended = http.exchange(
                "POST",
                "/licences/selection/clear",
                Map.of("Accept", SCRIPT, "Content-Type", "application/x-www-form-urlencoded"),
                "_csrf=of-a-session-that-ended");
        assertThat(problem(ended).get("type").asString())
                .isEqualTo("https://licencedesk.io/problems/expired-form-token");
    }

    /**
     * The operations endpoints take an owner's e-mail and password with HTTP Basic (docs/operations.md). A script
     * refused there was told "Your session has ended, or you have not signed in: sign in", and a person the 400 page,
     * "That request was not valid". Both now say what to send; the challenge stays.
     */
    @Test
    void theActuatorSaysItWantsHttpBasicNotASignIn() throws Exception {
        for (String language : List.of("en", "fr")) {
            Answer script = http.exchange(
                    "GET", "/actuator/prometheus", Map.of("Accept", SCRIPT, "Accept-Language", language), null);
            assertThat(script.status()).isEqualTo(401);
            assertThat(script.headers().get("www-authenticate")).startsWith("Basic ");
            JsonNode problem = problem(script);
            assertThat(problem).as(script.toString()).isNotNull();
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/unauthenticated");
            assertThat(problem.get("detail").asString())
                    .isEqualTo(
                            language.equals("en")
                                    ? "This address takes the e-mail address and password of an owner of the"
                                            + " organisation, sent with HTTP Basic (Authorization: Basic …)."
                                    : "Cette adresse demande l’adresse e-mail et le mot de passe d’un propriétaire de"
                                            + " l’organisation, envoyés en HTTP Basic (Authorization: Basic …).");
        }
        Answer page = http.exchange("GET", "/actuator/prometheus", Map.of("Accept", BROWSER), null);
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body())
                .contains("<title>Sign-in required · LicenceDesk</title>")
                .contains("HTTP Basic")
                .doesNotContain("That request was not valid");
        // The pages' own scripts are still told to sign in.
        Answer pages = http.exchange("GET", "/licences/selection", Map.of("Accept", SCRIPT), null);
        assertThat(problem(pages).get("detail").asString())
                .isEqualTo("You are not signed in: sign in, then try again.");
    }

    /** What Prometheus sends: OpenMetrics, then its text format, then anything. */
    static final String PROMETHEUS = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /**
     * A metrics scraper, a monitoring probe or curl refused at the actuator (no credentials, or wrong ones) got the
     * whole HTML "Sign-in required" page with its 401, which a scraper's error report quotes as markup. It gets a plain
     * 401: the challenge and one line of text (decision 0163); a browser still gets the page (above), and health stays
     * public, status only.
     */
    @Test
    void aScraperRefusedAtTheActuatorGetsAPlain401WithTheChallenge() throws Exception {
        List<String> wrongAnswers = new ArrayList<>();
        int tries = 0;
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
            for (String accept : List.of(PROMETHEUS, "*/*", "text/plain", "")) {
                // A wrong password of an e-mail of its own each time, below the sign-in limits (decision 0030).
                String wrong = "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        ("scraper-" + tries++ + "@example.test:not-the-password").getBytes(UTF_8));
                for (String credentials :
                        path.equals("/actuator/prometheus") ? new String[] {null, wrong} : new String[] {null}) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    if (!accept.isEmpty()) {
                        headers.put("Accept", accept);
                    }
                    if (credentials != null) {
                        headers.put("Authorization", credentials);
                    }
                    Answer answer = http.exchange("GET", path, headers, null);
                    if (answer.status() != 401
                            || !answer.headers()
                                    .getOrDefault("www-authenticate", "")
                                    .startsWith("Basic ")
                            || !answer.contentType().startsWith("text/plain")
                            || !answer.body()
                                    .equals("This address takes the e-mail address and password of an owner of the"
                                            + " organisation, sent with HTTP Basic (Authorization: Basic …).\n")) {
                        wrongAnswers.add(path + " [" + accept + "]" + (credentials == null ? "" : " wrong password")
                                + ": " + answer.status() + " " + answer.contentType() + " "
                                + answer.headers().get("www-authenticate"));
                    }
                }
            }
        }
        assertThat(wrongAnswers).isEmpty();

        for (String health : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Answer answer = http.exchange("GET", health, Map.of("Accept", "*/*"), null);
            assertThat(answer.status()).as(health).isEqualTo(200);
            assertThat(answer.body()).as(health).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
    }

    /**
     * A visitor who is only refused (a monitoring tool without its password, a robot's POST, a form of another site or
     * of a session that ended, a sign-out without a session) made a session row and was sent a session cookie: the
     * 401 page kept the refused request for after a sign-in that a monitoring tool never does, the 403 kept the form
     * token made up to check the request, which no page ever showed, and every error page read a form token for its
     * scripts, which only signed-in pages have (decision 0123). They make neither now; the answers are as before.
     */
    @Test
    void aVisitorWhoIsOnlyRefusedMakesNoSession() throws Exception {
        List<String> sessionsMade = new ArrayList<>();
        for (String[] refused : List.of(
                new String[] {"GET", "/actuator/prometheus", BROWSER, "401"},
                new String[] {"GET", "/actuator/prometheus", SCRIPT, "401"},
                new String[] {"POST", "/robots.txt", BROWSER, "403"},
                new String[] {"POST", "/licences/selection/clear", SCRIPT, "403"},
                new String[] {"POST", "/logout", BROWSER, "403"},
                new String[] {"GET", "/licences/selection", SCRIPT, "401"},
                new String[] {"GET", "/password/no-such-page", BROWSER, "404"})) {
            long before = sessions();
            Answer answer = http.exchange(
                    refused[0], refused[1], Map.of("Accept", refused[2]), refused[0].equals("POST") ? "" : null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(Integer.parseInt(refused[3]));
            if (answer.headers().containsKey("set-cookie") || sessions() != before) {
                sessionsMade.add(
                        String.join(" ", refused) + ": " + answer.headers().get("set-cookie"));
            }
        }
        assertThat(sessionsMade).isEmpty();
        // A form's refusal for a session that ended makes no new one either; the sign-in page still makes the session
        // its form needs.
        long before = sessions();
        Answer ended = http.exchange(
                "POST",
                "/licences/selection/clear",
                Map.of(
                        "Accept",
                        BROWSER,
                        "Cookie",
                        "SESSION=" + Base64.getEncoder().encodeToString("ended".getBytes(US_ASCII)),
                        "Content-Type",
                        "application/x-www-form-urlencoded"),
                "_csrf=of-a-session-that-ended");
        assertThat(ended.status()).isEqualTo(403);
        assertThat(ended.body()).contains("This form has expired");
        // Spring Session clears the cookie of a session it does not know; it sets no new one.
        assertThat(ended.headers().getOrDefault("set-cookie", "Max-Age=0")).contains("Max-Age=0");
        assertThat(sessions()).isEqualTo(before);
    }

    /**
     * A visitor sent to the sign-in page from a page behind it (a scanner's {@code GET /wp-admin}, a bookmark) made a
     * session row, for Spring Security to keep the page to return to, and the sign-in page made one for its form's
     * token: a scanner made one per address it tried. The page to return to is kept in a cookie only the sign-in page
     * is sent, the form's token in a cookie too; the session comes with signing in, which still returns to the page
     * asked for (decision 0127).
     */
    @Test
    void aVisitorSentToTheSignInPageMakesNoSessionUntilSigningIn() throws Exception {
        long before = sessions();
        for (String path : List.of("/wp-admin", "/licences?q=acme", "/portal/invoices", "/clients/1")) {
            Answer sent = http.exchange("GET", path, Map.of("Accept", BROWSER), null);
            assertThat(sent.status()).as(path).isEqualTo(302);
            assertThat(sent.headers().get("location")).as(path).endsWith("/login");
            assertThat(sent.headers().get("set-cookie"))
                    .as(path)
                    .startsWith("RETURN_TO=")
                    .contains("Path=/login", "HttpOnly", "SameSite=Lax");
        }
        // What a browser asks for by itself, and a program asking for anything, do not replace the page to return to.
        for (String[] other : List.of(
                // An image a page refers to (/favicon.ico was one until it was served to everyone, decision 0171).
                new String[] {"/licences", "image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5"},
                new String[] {"/licences", "*/*"},
                new String[] {"/licences?q=acme", "text/html, */*", "htmx"})) {
            Answer sent = http.exchange(
                    "GET",
                    other[0],
                    other.length > 2 ? Map.of("Accept", other[1], "HX-Request", "true") : Map.of("Accept", other[1]),
                    null);
            assertThat(sent.status()).as(other[0]).isEqualTo(302);
            assertThat(sent.headers()).as(other[0]).doesNotContainKey("set-cookie");
        }
        Answer form = http.exchange("GET", "/login", Map.of("Accept", BROWSER), null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.headers().get("set-cookie")).startsWith("FORM_TOKEN=").contains("HttpOnly", "SameSite=Lax");
        assertThat(sessions()).isEqualTo(before);

        TestOrganisation org = organisations.create();
        Answer asked = http.exchange("GET", "/licences?q=acme", Map.of("Accept", BROWSER), null);
        String cookies = cookie(asked, "RETURN_TO") + "; " + cookie(form, "FORM_TOKEN");
        String signIn = "email=" + URLEncoder.encode(org.manager().email(), UTF_8) + "&password="
                + TestOrganisation.PASSWORD + "&_csrf=" + HostileInputIntegrationTests.csrfToken(form);
        Answer signedIn = http.exchange(
                "POST",
                "/login",
                Map.of("Cookie", cookies, "Content-Type", "application/x-www-form-urlencoded"),
                signIn);
        assertThat(signedIn.headers().get("location")).endsWith("/licences?q=acme");
        assertThat(signedIn.headers().get("set-cookie")).startsWith("SESSION=");
        assertThat(sessions()).isEqualTo(before + 1);

        // A return address that is not of this site is not followed.
        String elsewhere = Base64.getUrlEncoder().withoutPadding().encodeToString("//evil.test/x".getBytes(UTF_8));
        signedIn = http.exchange(
                "POST",
                "/login",
                Map.of(
                        "Cookie",
                        "RETURN_TO=" + elsewhere + "; " + cookie(form, "FORM_TOKEN"),
                        "Content-Type",
                        "application/x-www-form-urlencoded"),
                signIn);
        assertThat(signedIn.headers().get("location")).matches("(http://localhost(:\\d+)?)?/");
    }

    /** The name=value of the first cookie of this name an answer sets (RawHttp keeps one Set-Cookie a name). */
    static String cookie(Answer answer, String name) {
        String setCookie = answer.headers().get("set-cookie");
        assertThat(setCookie).startsWith(name + "=");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    /** An RFC 9457 problem of the API's types, without Boot's members or anything of an exception; else null. */
    static JsonNode problem(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")
                || answer.body().contains("timestamp")
                || answer.body().contains(SECRET)
                || TRACES.stream().anyMatch(answer.body()::contains)) {
            return null;
        }
        JsonNode problem = JsonMapper.shared().readTree(answer.body());
        return problem.path("type").asString("").startsWith("https://licencedesk.io/problems/")
                        && problem.has("title")
                        && problem.has("detail")
                ? problem
                : null;
    }

    /** The words a script is told, by the problem's type, in each language (messages.properties, its French). */
    static String detailFor(JsonNode problem, String language) {
        boolean en = language.equals("en");
        return switch (problem.get("type").asString().substring("https://licencedesk.io/problems/".length())) {
            case "bad-request" ->
                en
                        ? "This page sent something that was not understood, so nothing was changed. Reload the page"
                                + " and try again."
                        : "Cette page a envoyé une demande qui n’a pas été comprise\u00a0: rien n’a été modifié."
                                + " Rechargez la page et réessayez.";
            case "method-not-allowed" ->
                en
                        ? "This address does not take that request, so nothing was changed. Reload the page and try"
                                + " again."
                        : "Cette adresse ne prend pas cette demande\u00a0: rien n’a été modifié. Rechargez la page et"
                                + " réessayez.";
            default -> "(a problem of type " + problem.get("type").asString() + ")";
        };
    }
}
