package io.licencedesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser without the browser: an HTTP client with a cookie jar, posting forms as the pages do. The
 * cookies are one per host and the nodes of a test all answer at 127.0.0.1, so one user can go from one
 * {@link NodeProcess} to another with the same session cookie, as behind a load balancer.
 */
public final class WebUser {

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Signs in with the console's form and fails unless it succeeds. */
    public void signIn(NodeProcess node, String email, String password) {
        HttpResponse<String> signedIn = post(
                node,
                "/login",
                Map.of("email", email, "password", password, "_csrf", meta(get(node, "/login"), "_csrf")));
        assertThat(signedIn.statusCode()).as("sign-in of %s", email).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .as("sign-in redirect")
                .doesNotContain("failed");
    }

    /** The page's HTML; fails unless it answers 200. */
    public String get(NodeProcess node, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(node.url() + path))
                .timeout(Duration.ofSeconds(60))
                .build());
        assertThat(response.statusCode()).as("GET %s on %s", path, node).isEqualTo(200);
        return response.body();
    }

    /** A form post, answered whatever its status. */
    public HttpResponse<String> post(NodeProcess node, String path, Map<String, String> fields) {
        return send(form(node, path, fields));
    }

    /** A form post whose answer comes later, for a request that runs while the test does something else. */
    public CompletableFuture<HttpResponse<String>> postAsync(
            NodeProcess node, String path, Map<String, String> fields) {
        return http.sendAsync(form(node, path, fields), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, with this user's cookies. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static HttpRequest form(NodeProcess node, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(node.url() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A value the page's layout puts in a meta tag or a hidden field ({@code _csrf}, {@code _csrf_header}). */
    public static String meta(String page, String name) {
        for (String pattern : List.of(
                "name=\"" + name + "\"[^>]*?(?:value|content)=\"([^\"]+)\"",
                "(?:value|content)=\"([^\"]+)\"[^>]*?name=\"" + name + "\"")) {
            Matcher matcher = Pattern.compile(pattern).matcher(page);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No " + name + " in the page: " + page);
    }
}
