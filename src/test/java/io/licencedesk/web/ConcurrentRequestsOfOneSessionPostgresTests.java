package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.TestFixture;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two requests of one session at the same time (a double click, twenty "Send invoices" in a burst) each save
 * the session when they finish. Both add the flash map of their redirect, which Spring Session inserted with a
 * plain INSERT: the second failed on the primary key after its action was done, and answered a bare 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@OnPostgres
class ConcurrentRequestsOfOneSessionPostgresTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void answersEveryOneOfTwentyConcurrentActionsOfOneSessionNormally() throws Exception {
        TestOrganisation org = organisations.create();
        Plan plan = fixture.monthlyPlan(org);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(licences.create(org.manager(), new NewLicence(plan.id(), "Screen " + i, null, 1, null))
                    .id());
        }
        String csrf = signIn(org.manager().email());

        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (long id : ids) {
                // Each licence twice at once: a double click on pause (the second is refused, with a toast).
                answers.add(post("/licences/" + id + (round % 2 == 0 ? "/pause" : "/resume"), csrf));
                answers.add(post("/licences/" + id + (round % 2 == 0 ? "/pause" : "/resume"), csrf));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.join();
                assertThat(response.statusCode())
                        .as("%s: %s", response.request().uri(), response.body())
                        .isEqualTo(302);
            }
        }
        HttpResponse<String> list = get("/licences");
        assertThat(list.statusCode()).isEqualTo(200);
    }

    private String signIn(String email) throws Exception {
        String body = "email=" + encode(email) + "&password=" + encode(TestOrganisation.PASSWORD) + "&_csrf="
                + encode(csrfIn(get("/login").body()));
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return csrfIn(get("/licences").body());
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String csrf) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Referer", uri("/licences").toString())
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfIn(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
