package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser on the console, over real HTTP: it keeps its cookies (the session) when it is pointed at
 * another node, as a browser behind a load balancer or after a restore would.
 */
final class ConsoleOverHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String url;

    private ConsoleOverHttp(String url) {
        this.url = url;
    }

    static ConsoleOverHttp signIn(String url, String email, String password) throws IOException, InterruptedException {
        var console = new ConsoleOverHttp(url);
        console.submit("/login", "/login", Map.of("email", email, "password", password), "/");
        return console;
    }

    /** Points this browser, with its cookies, at another node. */
    void moveTo(String url) {
        this.url = url;
    }

    /** A page's HTML, which must answer 200 (a signed-out browser is redirected to the sign-in page instead). */
    String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + path)));
        assertThat(response.statusCode())
                .as(
                        "GET %s (%s)",
                        path, response.headers().firstValue("Location").orElse("no redirect"))
                .isEqualTo(200);
        return response.body();
    }

    /**
     * Opens the page of a form and submits it, with that page's CSRF token, as a person does; the application must
     * answer with a redirect to the given path (a refused form is shown again instead, with status 200 or 422).
     */
    void submit(String formPage, String action, Map<String, String> fields, String redirectedTo)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(formPage, action, fields);
        assertThat(response.statusCode())
                .as("POST %s with %s answered:%n%s", action, fields, response.body())
                .isEqualTo(302);
        assertThat(URI.create(url)
                        .resolve(response.headers().firstValue("Location").orElseThrow())
                        .getPath())
                .as("redirect after POST %s", action)
                .isEqualTo(redirectedTo);
    }

    /** Opens a page and posts a form from it, with its CSRF token; the answer is the caller's to check. */
    HttpResponse<String> post(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(page(formPage)));
        String body = withToken.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }
}
