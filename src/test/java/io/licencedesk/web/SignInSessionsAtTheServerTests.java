package io.licencedesk.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nobody gets a session row before signing in (decision 0127), and a refused sign-in made one, to keep the typed
 * e-mail address for the form shown next; so did choosing a password, for the address shown on the sign-in page that
 * follows. Both keep it in a cookie only the sign-in page is sent, and the form still shows it, once (decision 0132).
 * Counted in the session table, as a browser's requests reach the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInSessionsAtTheServerTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PasswordManagement passwords;

    @Autowired
    SentLinks mail;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aRefusedSignInMakesNoSessionAndTheFormShowsTheTypedAddressOnce() throws Exception {
        TestOrganisation org = organisations.create();
        long before = sessions();
        HttpResponse<String> form = send(get("/login", null));
        String formToken = cookie(form, "FORM_TOKEN");

        HttpResponse<String> refused =
                send(signIn(formToken, csrf(form), org.manager().email(), "wrong horse"));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("location").orElseThrow()).endsWith("/login?failed");
        assertThat(cookieNames(refused)).doesNotContain("SESSION");
        assertThat(sessions()).isEqualTo(before);
        String kept = cookie(refused, SignInEmail.COOKIE);
        assertThat(setCookie(refused, SignInEmail.COOKIE)).contains("Path=/login", "HttpOnly", "SameSite=Lax");

        HttpResponse<String> shown = send(get("/login?failed", kept + "; " + formToken));
        assertThat(shown.body())
                .contains("value=\"" + org.manager().email() + "\"", "Wrong e-mail or password.")
                .doesNotContain("wrong horse");
        assertThat(setCookie(shown, SignInEmail.COOKIE)).contains("Max-Age=0");
        assertThat(send(get("/login", formToken)).body())
                .doesNotContain("value=\"" + org.manager().email() + "\"");
        assertThat(sessions()).isEqualTo(before);

        HttpResponse<String> signedIn =
                send(signIn(formToken, csrf(form), org.manager().email(), TestOrganisation.PASSWORD));
        assertThat(cookieNames(signedIn)).contains("SESSION");
        assertThat(sessions()).isEqualTo(before + 1);
    }

    @Test
    void choosingAPasswordMakesNoSessionAndTheSignInPageShowsTheAddress() throws Exception {
        TestOrganisation org = organisations.create();
        var carol = accounts.addClient(
                org.manager(), new NewClient("Carol New", "carol-" + org.id() + "@example.test", null, null, null));
        String email = carol.email();
        passwords.invite(org.manager(), carol.id());
        String token = mail.tokenTo(email);
        long before = sessions();
        HttpResponse<String> page = send(get("/password/set?token=" + token, null));
        String formToken = cookie(page, "FORM_TOKEN");

        HttpResponse<String> set = send(post(
                "/password/set",
                formToken,
                "token=" + token + "&password=granite+kettle+lighthouse&confirmation=granite+kettle+lighthouse&_csrf="
                        + csrf(page)));

        assertThat(set.headers().firstValue("location").orElseThrow()).endsWith("/login?passwordSet");
        assertThat(cookieNames(set)).doesNotContain("SESSION");
        assertThat(sessions()).isEqualTo(before);
        HttpResponse<String> signInPage = send(get("/login?passwordSet", cookie(set, SignInEmail.COOKIE)));
        assertThat(signInPage.body()).contains("value=\"" + email + "\"", "Your password is set.");
        assertThat(sessions()).isEqualTo(before);
    }

    private HttpRequest signIn(String formToken, String csrf, String email, String password) {
        return post(
                "/login",
                formToken,
                "email=" + URLEncoder.encode(email, UTF_8) + "&password=" + URLEncoder.encode(password, UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf, UTF_8));
    }

    private HttpRequest get(String path, String cookies) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", BROWSER);
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return request.GET().build();
    }

    private HttpRequest post(String path, String cookies, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", BROWSER)
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a form token in the page").isTrue();
        return token.group(1);
    }

    private static List<String> cookieNames(HttpResponse<String> answer) {
        return answer.headers().allValues("set-cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf('=')))
                .collect(Collectors.toList());
    }

    private static String setCookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.headers()));
    }

    /** The name=value of a cookie the answer sets, as a browser sends it back. */
    private static String cookie(HttpResponse<String> answer, String name) {
        String set = setCookie(answer, name);
        return set.substring(0, set.indexOf(';'));
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }
}
