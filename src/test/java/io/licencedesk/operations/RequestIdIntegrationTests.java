package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.licencedesk.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every response carries an X-Request-Id: the caller's own when well-formed, else a new one; and the log lines written
 * while the request is handled carry it. Spring Security's filter chain logs "Securing GET /login" at debug on every
 * request: that line is the one read back.
 */
@IntegrationTest
class RequestIdIntegrationTests {

    static final String GENERATED = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    MockMvc mvc;

    Logger securityLog = (Logger) LoggerFactory.getLogger(FilterChainProxy.class);
    Level levelBefore;
    ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureTheSecurityFiltersLog() {
        levelBefore = securityLog.getLevel();
        securityLog.setLevel(Level.DEBUG);
        lines.start();
        securityLog.addAppender(lines);
    }

    @AfterEach
    void restore() {
        securityLog.detachAppender(lines);
        securityLog.setLevel(levelBefore);
    }

    String requestId(String sent) throws Exception {
        var request = get("/login");
        if (sent != null) {
            request.header("X-Request-Id", sent);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("X-Request-Id");
    }

    List<String> idsLoggedFor(String path) {
        return lines.list.stream()
                .filter(line -> line.getFormattedMessage().contains("GET " + path))
                .map(line -> line.getMDCPropertyMap().get("requestId"))
                .toList();
    }

    @Test
    void aRequestWithoutAnIdGetsANewOneOnTheResponseAndOnItsLogLines() throws Exception {
        String first = requestId(null);
        List<String> logged = idsLoggedFor("/login");
        String second = requestId(null);

        assertThat(first).matches(GENERATED);
        assertThat(second).matches(GENERATED).isNotEqualTo(first);
        assertThat(logged).isNotEmpty().containsOnly(first);
        assertThat(MDC.get("requestId"))
                .as("nothing is left behind on the thread")
                .isNull();
    }

    @Test
    void aWellFormedIdFromAProxyIsKept() throws Exception {
        assertThat(requestId("lb-7f3a.42:1_x")).isEqualTo("lb-7f3a.42:1_x");
        assertThat(idsLoggedFor("/login")).isNotEmpty().containsOnly("lb-7f3a.42:1_x");
    }

    @Test
    void aBadIdIsReplacedAndNeverLogged() throws Exception {
        for (String bad : new String[] {"", "two words", "<script>", "x".repeat(65), "id\u00e9", "a;b"}) {
            lines.list.clear();
            String id = requestId(bad);

            assertThat(id).as(bad).matches(GENERATED);
            assertThat(idsLoggedFor("/login")).as(bad).isNotEmpty().containsOnly(id);
        }
    }
}
