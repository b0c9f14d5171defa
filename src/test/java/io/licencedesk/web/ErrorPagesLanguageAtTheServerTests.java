package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What ErrorPagesLanguageIntegrationTests cannot send through MockMvc: a refusal of Spring Security (403) and one of
 * the container (TRACE, 405), answered by the error dispatch. The interceptor reached those (the error page is a
 * handler); the filter that took its place where no handler answers (decision 0151) must too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorPagesLanguageAtTheServerTests {

    static final String BROWSER = BadPageRequestsIntegrationTests.BROWSER;

    @LocalServerPort
    int port;

    @Test
    void aRefusalOfSpringSecurityOrOfTheContainerSpeaksTheLanguageOfTheAddress() throws Exception {
        var http = new RawHttp(port);

        Answer forbidden = http.exchange("POST", "/robots.txt?lang=fr", Map.of("Accept", BROWSER), "");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Non envoyé depuis une page de LicenceDesk", "<html lang=\"fr\"");

        Answer trace = http.exchange("TRACE", "/licences?lang=fr", Map.of("Accept", BROWSER), null);
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).contains("<html lang=\"fr\"");

        Answer english = http.exchange("TRACE", "/licences", Map.of("Accept", BROWSER), null);
        assertThat(english.body()).contains("<html lang=\"en\"");
    }
}
