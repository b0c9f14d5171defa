package io.licencedesk.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * What browsers, load balancers and scrapers ask of the running server by themselves (decision 0171): the icons at the
 * site's root, health in plain text, and the actuator's one door, HTTP Basic. Over real HTTP, with the browser tests'
 * context (a random port, no settings of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsAndBrowserEdgesAtTheServerTests {

    static final String BROWSER = ScriptAnswersIntegrationTests.BROWSER;

    /** What Chrome sends for an icon. */
    static final String IMAGE = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    static final Pattern ICON_LINK = Pattern.compile("<link rel=\"(icon|apple-touch-icon)\" href=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    HealthContributorRegistry healthContributors;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    /**
     * A browser asks for {@code /favicon.ico} by itself (for a page that names no icon: a PDF, a JSON answer; some
     * browsers always), and a phone for {@code /apple-touch-icon.png} or its older name. A signed-in client was
     * answered 403 (the console's rule for any other address), which the browser's console shows as an error; staff
     * 404, a visitor a redirect to the sign-in page. Everyone now gets the icon, and every page names the icons it
     * has, which exist.
     */
    @Test
    void theIconsABrowserAsksForByItselfAreServedToEveryone() throws Exception {
        Map<String, String> who = new LinkedHashMap<>();
        who.put("a visitor", null);
        who.put("a client", signIn(org.alice().email()));
        who.put("a manager", signIn(org.manager().email()));
        who.put("an owner", signIn(org.owner().email()));
        List<String> wrong = new ArrayList<>();
        for (var person : who.entrySet()) {
            for (String[] icon : List.of(
                    new String[] {"/favicon.ico", "static/favicon.ico"},
                    new String[] {"/apple-touch-icon.png", "static/apple-touch-icon.png"},
                    new String[] {"/apple-touch-icon-precomposed.png", "static/apple-touch-icon.png"})) {
                HttpResponse<byte[]> answer = get(icon[0], IMAGE, person.getValue());
                if (answer.statusCode() != 200
                        || !answer.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .startsWith("image/")
                        || !java.util.Arrays.equals(
                                answer.body(), new ClassPathResource(icon[1]).getContentAsByteArray())) {
                    wrong.add(person.getKey() + " " + icon[0] + ": " + answer.statusCode() + " "
                            + answer.headers().firstValue("Content-Type").orElse(""));
                }
            }
        }
        assertThat(wrong).isEmpty();
        HttpResponse<byte[]> icon = get("/favicon.ico", IMAGE, null);
        assertThat(icon.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
        assertThat(icon.headers().map()).doesNotContainKey("set-cookie");

        for (String[] page : List.of(
                new String[] {"/login", null},
                new String[] {"/licences", who.get("a manager")},
                new String[] {"/portal/licences", who.get("a client")},
                new String[] {"/no-such-page", who.get("a client")})) {
            String html = new String(get(page[0], BROWSER, page[1]).body(), UTF_8);
            List<String> named = new ArrayList<>();
            Matcher link = ICON_LINK.matcher(html);
            while (link.find()) {
                named.add(link.group(1));
                HttpResponse<byte[]> linked = get(link.group(2), IMAGE, page[1]);
                assertThat(linked.statusCode())
                        .as(page[0] + " names " + link.group(2))
                        .isEqualTo(200);
                assertThat(linked.headers().firstValue("Content-Type"))
                        .as(link.group(2))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
            }
            assertThat(named).as(page[0]).containsExactly("icon", "icon", "apple-touch-icon");
        }
    }

    /**
     * A load balancer's check or curl sending {@code Accept: text/plain} alone was answered 406 by the health endpoint,
     * UP or DOWN (decision 0163 left it so). It gets the status in one line of plain text, with the status code the
     * JSON has: 200 when UP, 503 when DOWN. Asking for JSON, or anything, gets the JSON as before.
     */
    @Test
    void healthAnswersAPlainTextCheckWithTheStatusAlone() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            for (String accept : List.of("text/plain", "text/*", "text/plain;q=0.9")) {
                HttpResponse<byte[]> answer = get(path, accept, null);
                assertThat(answer.statusCode()).as(path + " [" + accept + "]").isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
                assertThat(answer.headers().allValues("Vary")).contains("Accept");
                assertThat(new String(answer.body(), UTF_8)).isEqualTo("UP\n");
            }
            for (String accept : List.of("application/json", "*/*", "text/plain, application/json", BROWSER)) {
                HttpResponse<byte[]> answer = get(path, accept, null);
                assertThat(answer.statusCode()).as(path + " [" + accept + "]").isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).contains("json"));
                assertThat(new String(answer.body(), UTF_8)).as(path).contains("\"status\":\"UP\"");
            }
        }
        assertThat(get("/actuator/health/no-such-group", "text/plain", null).statusCode())
                .isEqualTo(404);
        // An owner's scraper, to whom the components are shown, is answered a component's status the same way.
        HttpResponse<byte[]> component = send(HttpRequest.newBuilder(uri("/actuator/health/db"))
                .header("Accept", "text/plain")
                .header("Authorization", basic(org.owner().email()))
                .GET());
        assertThat(component.statusCode()).isEqualTo(200);
        assertThat(new String(component.body(), UTF_8)).isEqualTo("UP\n");
        assertThat(get("/actuator/health/db", "text/plain", null).statusCode())
                .as("not shown to a visitor, as in JSON")
                .isEqualTo(get("/actuator/health/db", "application/json", null).statusCode());

        healthContributors.registerContributor(
                "brokenForATest", (HealthIndicator) () -> Health.down().build());
        try {
            HttpResponse<byte[]> down = get("/actuator/health", "text/plain", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(new String(down.body(), UTF_8)).isEqualTo("DOWN\n");
            HttpResponse<byte[]> json = get("/actuator/health", "application/json", null);
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(new String(json.body(), UTF_8)).contains("\"status\":\"DOWN\"");
        } finally {
            healthContributors.unregisterContributor("brokenForATest");
        }
    }

    /**
     * An owner signed in to the console opened the metrics in the same browser with the console's session cookie: the
     * actuator chain read the session, though it has no CSRF protection and its door is HTTP Basic for scrapers. The
     * cookie opens nothing there now (as under /api): the answer is the 401 with the challenge; HTTP Basic still
     * opens it. And the actuator only reads: anything but GET and HEAD is refused, to an owner's credentials too.
     */
    @Test
    void theActuatorTakesHttpBasicAloneNotTheConsolesSession() throws Exception {
        String ownersBrowser = signIn(org.owner().email());
        assertThat(get("/licences", BROWSER, ownersBrowser).statusCode())
                .as("the session is the console's")
                .isEqualTo(200);

        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
            HttpResponse<byte[]> withTheSession = get(path, "*/*", ownersBrowser);
            assertThat(withTheSession.statusCode()).as(path).isEqualTo(401);
            assertThat(withTheSession.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
        }
        HttpResponse<byte[]> scraped = send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", basic(org.owner().email()))
                .GET());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(new String(scraped.body(), UTF_8)).contains("licencedesk_outbox_pending_messages");
        assertThat(scraped.headers().map()).doesNotContainKey("set-cookie");

        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<byte[]> written = send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                    .header("Authorization", basic(org.owner().email()))
                    .method(method, HttpRequest.BodyPublishers.ofString("")));
            assertThat(written.statusCode()).as(method).isEqualTo(403);
            HttpResponse<byte[]> anonymous = send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                    .method(method, HttpRequest.BodyPublishers.ofString("")));
            assertThat(anonymous.statusCode()).as(method).isEqualTo(401);
        }
    }

    private String signIn(String email) throws IOException, InterruptedException {
        HttpResponse<byte[]> form = get("/login", BROWSER, null);
        String formToken = cookie(form, "FORM_TOKEN");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(new String(form.body(), UTF_8));
        assertThat(csrf.find()).isTrue();
        HttpResponse<byte[]> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", formToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, UTF_8) + "&password="
                        + TestOrganisation.PASSWORD + "&_csrf=" + csrf.group(1))));
        assertThat(signedIn.statusCode()).as("signing in " + email).isEqualTo(302);
        return cookie(signedIn, "SESSION");
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headers()));
    }

    private static String basic(String email) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + TestOrganisation.PASSWORD).getBytes(UTF_8));
    }

    private HttpResponse<byte[]> get(String path, String accept, String cookie)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
