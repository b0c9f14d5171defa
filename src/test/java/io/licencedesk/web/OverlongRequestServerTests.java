package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.RawHttp;
import io.licencedesk.support.RawHttp.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tomcat refuses an address over 8 KB before the application sees it. It logged the first such refusal of each of
 * its request processors at INFO with a full stack trace ("Error parsing HTTP request header"): anyone could fill the
 * log with it, and nobody could act on it. The caller gets a 400 problem that says what to change; the log stays quiet.
 *
 * <p>No processor is reused here (processor-cache 0), so each request meets one that has not logged yet: after its
 * first, a processor logs such refusals at DEBUG only, which would hide the stack trace from a test that came second.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.processor-cache=0")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OverlongRequestServerTests {

    @LocalServerPort
    int port;

    @Autowired
    LoggingSystem logging;

    /** Tests log at WARN; a node logs at INFO, where the stack trace appeared. */
    @BeforeEach
    void logTomcatAsANodeDoes() {
        logging.setLogLevel("org.apache.coyote", LogLevel.INFO);
    }

    @AfterEach
    void logTomcatAsTestsDo() {
        logging.setLogLevel("org.apache.coyote", null);
    }

    @Test
    void refusesAnAddressOver8KbWithA400ProblemAndLogsNoStackTrace(CapturedOutput output) throws Exception {
        var http = new RawHttp(port);
        for (String path : List.of("/api/v1/licences", "/licences")) {
            Answer answer = http.exchange("GET", path + "?q=" + "x".repeat(9 * 1024), Map.of(), null);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).contains("keep its address and headers under 8 KB");
            // The path before the long query, as every other problem of the API names it (it had no instance).
            assertThat(answer.body()).as(path).contains("\"instance\":\"" + path + "\"");
        }
        assertThat(output).doesNotContain("\tat org.apache");
        assertThat(output.toString().lines().filter(line -> line.contains("Error parsing HTTP request header")))
                .hasSizeLessThanOrEqualTo(1);
    }
}
