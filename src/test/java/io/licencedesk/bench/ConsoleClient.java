package io.licencedesk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/** A signed-in staff browser without the browser: form sign-in with CSRF, then plain GETs. */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The server's own account of the list's requests so far (Micrometer's {@code http.server.requests} for
     * {@code GET /licences}, read as the owner through the actuator): total seconds and count.
     */
    double[] listTimeAtServer(String email, String password) throws IOException, InterruptedException {
        String credentials =
                java.util.Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                                .header("Authorization", "Basic " + credentials)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        double[] sumAndCount = new double[2];
        for (String line : metrics.split("\n")) {
            var sample = SERVER_TIME.matcher(line);
            if (sample.matches()) {
                sumAndCount[sample.group(1).equals("sum") ? 0 : 1] += Double.parseDouble(sample.group(2));
            }
        }
        return sumAndCount;
    }

    private static final Pattern SERVER_TIME = Pattern.compile(
            "http_server_requests_seconds_(sum|count)\\{.*method=\"GET\".*uri=\"/licences\".*} ([0-9.eE+-]+)");

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
