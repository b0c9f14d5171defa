package io.licencedesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A signed-in staff browser without the browser: form sign-in with CSRF, then plain GETs; it also makes the API token
 * the REST API's part of the benchmark uses, through the console's own token page.
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern NEW_TOKEN =
            Pattern.compile("<code class=\"credential[^\"]*\">(ldk_live_[A-Za-z0-9_-]+)</code>");

    private final String base;
    private final HttpClient http;

    ConsoleClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    void signIn(String email, String password) throws IOException, InterruptedException {
        var form = get("/login");
        var csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String body = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("failed")) {
            throw new IllegalStateException("Sign-in refused: " + response.statusCode() + " " + location);
        }
    }

    /**
     * Makes a read-only API token for the signed-in person as they would, on the console's token page (form with
     * CSRF; the answer shows the secret once, decision 0159), so the benchmark never restates how tokens are stored.
     */
    String makeApiToken(String name) throws IOException, InterruptedException {
        String body = "name=" + encode(name) + "&access=READ_ONLY&expiresOn=&_csrf=" + encode(csrf("/api-tokens"));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api-tokens"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The token page refused the new token: " + response.statusCode());
        }
        var secret = NEW_TOKEN.matcher(response.body());
        if (!secret.find()) {
            throw new IllegalStateException("The token page did not show the new token");
        }
        return secret.group(1);
    }

    private String csrf(String page) throws IOException, InterruptedException {
        var csrf = CSRF.matcher(get(page).body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on " + page);
        }
        return csrf.group(1);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The server's own account of one address's requests so far (Micrometer's {@code http.server.requests} for
     * {@code GET uri}, e.g. {@code /licences}, read as the owner through the actuator): total seconds and count.
     */
    double[] timeAtServer(String uri, String email, String password) throws IOException, InterruptedException {
        double[] sumAndCount = new double[2];
        for (String line : metrics(email, password).split("\n")) {
            var sample = SERVER_TIME.matcher(line);
            if (sample.matches() && sample.group(2).equals(uri)) {
                sumAndCount[sample.group(1).equals("sum") ? 0 : 1] += Double.parseDouble(sample.group(3));
            }
        }
        return sumAndCount;
    }

    /**
     * The server's heap in use now, in bytes (Micrometer's {@code jvm.memory.used} over the heap's pools, read as the
     * owner through the actuator). One HTTP Basic sign-in (a password hash) per call: read it between runs, not
     * during one.
     */
    long heapUsed(String email, String password) throws IOException, InterruptedException {
        long used = 0;
        for (String line : metrics(email, password).split("\n")) {
            var sample = HEAP_USED.matcher(line);
            if (sample.matches()) {
                used += (long) Double.parseDouble(sample.group(1));
            }
        }
        return used;
    }

    private String metrics(String email, String password) throws IOException, InterruptedException {
        String credentials =
                java.util.Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .header("Authorization", "Basic " + credentials)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The actuator refused the metrics: " + response.statusCode());
        }
        return response.body();
    }

    /**
     * A GET with the session whose body is read as it arrives (a download): returns once the status and headers
     * are in.
     */
    HttpResponse<InputStream> stream(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(Duration.ofMinutes(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static final Pattern HEAP_USED =
            Pattern.compile("jvm_memory_used_bytes\\{.*area=\"heap\".*} ([0-9.eE+-]+)");

    private static final Pattern SERVER_TIME = Pattern.compile(
            "http_server_requests_seconds_(sum|count)\\{.*method=\"GET\".*uri=\"([^\"]+)\".*} ([0-9.eE+-]+)");

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends a file as the body of a POST, as the import page's script does (CSRF header from the page). */
    HttpResponse<String> postFile(String page, String pathAndQuery, java.nio.file.Path file)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .header("Content-Type", "text/csv")
                        .header("Accept", "application/json")
                        .header("X-CSRF-TOKEN", csrf(page))
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with nothing but the CSRF token of {@code page}, as a confirmation button does. */
    HttpResponse<String> postForm(String page, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf(page))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
