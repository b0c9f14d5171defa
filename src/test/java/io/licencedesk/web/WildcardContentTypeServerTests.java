package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.TestFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A wildcard Content-Type ({@code *}/{@code *}, {@code application/*}) names no format a body can be read as. On the
 * running server (MockMvc does not reproduce it) Spring MVC threw where it read such a request's headers, and the
 * device API, whose contract says nothing is a 500, answered 500 to anyone, without a credential.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WildcardContentTypeServerTests {

    private static final List<String> WILDCARDS =
            List.of("*/*", "application/*", "text/*", "*/json", "application/*+json", "*/*; charset=UTF-8");

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDeviceApiRefusesAWildcardContentTypeAsAProblem() throws Exception {
        for (String action : List.of("activate", "check-in")) {
            for (String wildcard : WILDCARDS) {
                HttpResponse<String> answer = post("/api/v1/device/" + action, wildcard, "Bearer unknown-credential");
                assertThat(answer.statusCode())
                        .as("%s with %s", action, wildcard)
                        .isEqualTo(415);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.body()).contains("https://licencedesk.io/problems/unsupported-media-type");
                assertThat(answer.body()).contains("\"instance\":\"/api/v1/device/" + action + "\"");
            }
        }
    }

    @Test
    void everyOtherPostRefusesAWildcardContentTypeWithoutAServerError() throws Exception {
        for (String path : List.of("/login", "/password/forgot", "/licences", "/portal/redeem")) {
            for (String wildcard : WILDCARDS) {
                HttpResponse<String> answer = post(path, wildcard, null);
                assertThat(answer.statusCode()).as("%s with %s", path, wildcard).isEqualTo(415);
            }
        }
    }

    /**
     * The REST API asks who is calling first: without a token a wildcard Content-Type is the 401 any request without
     * one gets (it was a 415, answered before Spring Security); with a valid token it is the 415 problem.
     */
    @Test
    void theRestApiRefusesAWildcardContentTypeAfterCheckingTheToken() throws Exception {
        String token = "Bearer " + fixture.token(fixture.organisation().manager());
        for (String path : List.of("/api/v1/nope", "/api/v1/licences", "/api/v2/licences")) {
            for (String wildcard : WILDCARDS) {
                HttpResponse<String> anonymous = post(path, wildcard, null);
                assertThat(anonymous.statusCode())
                        .as("%s with %s", path, wildcard)
                        .isEqualTo(401);
                assertThat(anonymous.body()).contains("https://licencedesk.io/problems/unauthenticated");
                HttpResponse<String> signed = post(path, wildcard, token);
                assertThat(signed.statusCode()).as("%s with %s", path, wildcard).isEqualTo(415);
                assertThat(signed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(signed.body()).contains("https://licencedesk.io/problems/unsupported-media-type");
            }
        }
    }

    private HttpResponse<String> post(String path, String contentType, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"device-a\",\"nonce\":\"n\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
