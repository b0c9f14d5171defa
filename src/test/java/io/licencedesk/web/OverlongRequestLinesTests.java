package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The path of a request line too long for Tomcat, from the part of it Tomcat read. */
class OverlongRequestLinesTests {

    static String path(String read) {
        return OverlongRequestLines.path(read.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void namesThePathBeforeALongQuery() {
        assertThat(path("GET /api/v1/licences?q=" + "x".repeat(9000))).isEqualTo("/api/v1/licences");
        assertThat(path("\r\nPOST /api/v1/plans?x=1")).isEqualTo("/api/v1/plans");
        assertThat(path("GET /api/v1/licences%20x HTTP/1.1\r\nHost: a")).isEqualTo("/api/v1/licences%20x");
    }

    @Test
    void namesNoPathThatWasCutOff() {
        assertThat(path("GET /api/v1/" + "x".repeat(9000))).isNull();
        assertThat(path("GET ")).isNull();
        assertThat(path("")).isNull();
        assertThat(path("GET http://example.com/api?q=1")).isNull();
    }
}
