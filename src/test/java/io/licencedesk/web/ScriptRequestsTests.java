package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** A page's script is a request that prefers JSON, weighing the quality values of its Accept header. */
class ScriptRequestsTests {

    @ParameterizedTest(name = "{0} → script: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json | true",
                "application/json;q=0.9, text/html;q=0.1 | true",
                "text/html;q=0.1, application/json;q=0.9 | true",
                "application/json;q=0.5, */* | true",
                "application/json, text/html | true",
                "application/json;charset=UTF-8 | true",
                "text/html, application/json;q=0.9 | false",
                "application/json;q=0.1, text/html | false",
                "application/json;q=0, text/html;q=0.1 | false",
                "application/json;q=0 | false",
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 | false",
                "*/* | false",
                "application/problem+json | false",
                "not a type | false",
            })
    void aScriptIsARequestThatPrefersJson(String accept, boolean script) {
        var request = new MockHttpServletRequest("GET", "/licences");
        request.addHeader("Accept", accept);

        assertThat(ScriptRequests.isScript(request)).as(accept).isEqualTo(script);
    }

    @Test
    void aRequestWithoutAnAcceptHeaderIsAPersons() {
        assertThat(ScriptRequests.isScript(new MockHttpServletRequest("GET", "/licences")))
                .isFalse();
    }
}
