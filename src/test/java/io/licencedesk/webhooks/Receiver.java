package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver of webhooks (okhttp's MockWebServer) that checks each request as a receiver following
 * docs/webhooks.md would: JSON, an event id header, and a signature it recomputes itself with the secret.
 */
final class Receiver implements AutoCloseable {

    /** A timestamp and one v1, or two while a rolled secret still signs (decision 0157). */
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+)((?:,v1=[0-9a-f]{64}){1,2})");

    final MockWebServer server = new MockWebServer();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Answers 200 unless told otherwise ({@link #answer}). */
    Receiver() throws Exception {
        ((QueueDispatcher) server.getDispatcher())
                .setFailFast(new MockResponse.Builder().code(200).body("ok").build());
        server.start();
    }

    String url() {
        return server.url("/hooks").toString();
    }

    void answer(int... codes) {
        for (int code : codes) {
            server.enqueue(
                    new MockResponse.Builder().code(code).body("answer " + code).build());
        }
    }

    void redirect(String location) {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", location)
                .build());
    }

    /** A request that arrived, checked against the secret; null when none arrived within a second. */
    Received next(String secret) throws Exception {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        if (request == null) {
            return null;
        }
        String body = request.getBody().string(StandardCharsets.UTF_8);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        String header = request.getHeaders().get("LicenceDesk-Signature");
        Matcher signature = SIGNATURE.matcher(header);
        assertThat(signature.matches()).as("signature header %s", header).isTrue();
        JsonNode event = json.readTree(body);
        Received received = new Received(event, body, Long.parseLong(signature.group(1)), header);
        assertThat(received.signedWith(secret))
                .as("a signature verifies with the endpoint's secret")
                .isTrue();
        assertThat(request.getHeaders().get("LicenceDesk-Event-Id"))
                .isEqualTo(event.get("id").asString());
        return received;
    }

    List<Received> all(String secret, int count) throws Exception {
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Received one = next(secret);
            assertThat(one).as("request %d of %d", i + 1, count).isNotNull();
            received.add(one);
        }
        return received;
    }

    /** Computed here from the documented recipe, not with the application's code. */
    static String hmacSha256(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.close();
    }

    record Received(JsonNode event, String body, long timestamp, String signatureHeader) {

        String type() {
            return event.get("type").asString();
        }

        String id() {
            return event.get("id").asString();
        }

        JsonNode object() {
            return event.get("data").get("object");
        }

        /** The header's v1 signatures, in their order. */
        List<String> signatures() {
            List<String> signatures = new ArrayList<>();
            for (String part : signatureHeader.split(",")) {
                if (part.startsWith("v1=")) {
                    signatures.add(part.substring(3));
                }
            }
            return signatures;
        }

        /** Whether one of the v1 signatures is this secret's, compared in constant time as docs/webhooks.md says. */
        boolean signedWith(String secret) throws Exception {
            byte[] expected = hmacSha256(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
            boolean found = false;
            for (String signature : signatures()) {
                found |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
            }
            return found;
        }
    }
}
