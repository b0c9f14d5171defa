package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.TestFixture;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What reaches the API over HTTP byte for byte, as MockMvc cannot send it: addresses under /api outside /api/v1,
 * paths and methods refused before the API sees them, and bodies of undeclared length (chunked). Every answer is
 * an RFC 9457 problem with a 4xx status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestApiAtTheServerTests {

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    TestOrganisation org;
    String manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        manager = fixture.token(org.manager());
    }

    record Answer(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json")
                    && body.contains("\"type\":\"https://licencedesk.io/problems/")
                    && body.contains("\"title\":")
                    && body.contains("\"detail\":")
                    && !body.contains("timestamp");
        }
    }

    @Test
    void answersAnAddressUnderApiOutsideTheApiWithAProblemNotTheSignInPage() throws Exception {
        for (String path : List.of("/api", "/api/", "/api/v2/licences", "/api/v1x")) {
            Answer anonymous = exchange("GET", path, Map.of(), null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.isProblem()).as(path + " " + anonymous).isTrue();
            for (String token : List.of(manager, fixture.token(org.alice()))) {
                Answer signed = exchange("GET", path, Map.of("Authorization", "Bearer " + token), null);
                assertThat(signed.status()).as(path).isEqualTo(404);
                assertThat(signed.isProblem()).as(path + " " + signed).isTrue();
            }
        }
    }

    @Test
    void answersARequestRefusedBeforeTheApiWithAProblem() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);
        var refused = new LinkedHashMap<String, String>();
        refused.put("/api/v1//plans", "GET");
        refused.put("/api/v1/./plans", "GET");
        refused.put("/api/v1/licences/1;jsessionid=x", "GET");
        refused.put("/api/v1/plans", "FOO");
        refused.put("/api/v1/plans/", "PROPFIND");
        refused.put("/api/v1/licences", "TRACE");
        List<String> wrong = new ArrayList<>();
        for (var request : refused.entrySet()) {
            for (Map<String, String> headers : List.of(token, Map.<String, String>of())) {
                Answer answer = exchange(request.getValue(), request.getKey(), headers, null);
                if (answer.status() < 400 || answer.status() >= 500 || !answer.isProblem()) {
                    wrong.add(request.getValue() + " " + request.getKey() + " " + headers.keySet() + ": " + answer);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Refused by Tomcat itself, before any filter: Tomcat's own HTML page became a problem under /api. */
    @Test
    void answersARequestTomcatRefusesUnderApiWithAProblemAndAFourHundredStatus() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + manager);
        var refused = new LinkedHashMap<String, String>();
        refused.put("/api/v1/licences/%00", "GET");
        refused.put("/api/v1/licences%2F1", "GET");
        refused.put("/api/v1/licences%5C1", "GET");
        refused.put("/api/v1/licences?q=" + "x".repeat(9_000), "GET");
        refused.put("/api/v1/licences", "CONNECT");
        List<String> wrong = new ArrayList<>();
        for (var request : refused.entrySet()) {
            Answer answer = exchange(request.getValue(), request.getKey(), token, null);
            if (answer.status() < 400 || answer.status() >= 500 || !answer.isProblem()) {
                wrong.add(request.getValue() + " " + abbreviated(request.getKey()) + ": " + answer);
            }
        }
        assertThat(wrong).isEmpty();
        Answer page = exchange("GET", "/licences/%00", Map.of(), null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
    }

    static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimitAsTooLarge() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked");
        var withToken = new LinkedHashMap<>(json);
        withToken.put("Authorization", "Bearer " + manager);
        Answer licence = exchange(
                "POST",
                "/api/v1/licences",
                withToken,
                chunked("{\"planId\": 1, \"name\": \"" + "x".repeat(ApiRequestFilters.MAX_REST_BODY_BYTES) + "\"}"));
        assertThat(licence.status()).isEqualTo(413);
        assertThat(licence.body()).contains("https://licencedesk.io/problems/body-too-large");
        for (String action : List.of("activate", "check-in")) {
            Answer device = exchange(
                    "POST",
                    "/api/v1/device/" + action,
                    json,
                    chunked("{\"fingerprint\": \"" + "f".repeat(ApiRequestFilters.MAX_BODY_BYTES) + "\"}"));
            assertThat(device.status()).as(action).isEqualTo(413);
            assertThat(device.body()).as(action).contains("https://licencedesk.io/problems/body-too-large");
        }
        long plan = fixture.monthlyPlan(org).id();
        Answer small = exchange(
                "POST",
                "/api/v1/licences",
                withToken,
                chunked("{\"planId\": %d, \"name\": \"Chunked\", \"quantity\": 2}".formatted(plan)));
        assertThat(small.status()).as(small.toString()).isEqualTo(201);
        assertThat(small.body()).contains("\"name\":\"Chunked\"");
    }

    static String chunked(String body) {
        var chunks = new StringBuilder();
        for (int start = 0; start < body.length(); start += 4096) {
            String chunk = body.substring(start, Math.min(body.length(), start + 4096));
            chunks.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }

    /** One request on its own connection, written as it is, so that no client cleans its path up. */
    Answer exchange(String method, String target, Map<String, String> headers, String body) throws IOException {
        var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null && !headers.containsKey("Transfer-Encoding")) {
            head.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    static Answer parse(String answer) throws IOException {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("Incomplete answer: " + answer);
        }
        String[] lines = answer.substring(0, end).split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(
                    lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String body = answer.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var joined = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", at);
                if (lineEnd <= at) {
                    break;
                }
                int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
                at = lineEnd + 4 + size;
            }
            body = joined.toString();
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
