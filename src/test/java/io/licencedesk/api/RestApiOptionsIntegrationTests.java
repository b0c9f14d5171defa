package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * OPTIONS on every address of the REST API names the methods it takes in Allow, and the media type a PATCH takes in
 * Accept-Patch only where it takes PATCH (RFC 5789). Every address that takes no PATCH was answered an empty
 * Accept-Patch, and an address without a variable beside a {@code /{id}} ({@code /api/v1/invoices/send}) was said to
 * take {@code /{id}}'s GET, PATCH and DELETE too, with their Accept-Patch, which it refuses with a 405.
 */
class RestApiOptionsIntegrationTests extends RestApiSweep {

    @Test
    void everyAddressNamesItsMethodsAndThePatchTypeOnlyWhereItTakesPatch() throws Exception {
        Map<String, Set<String>> taken = new LinkedHashMap<>();
        Map<String, Boolean> portal = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            taken.computeIfAbsent(operation.path(), any -> new TreeSet<>())
                    .add(operation.method().name());
            portal.put(operation.path(), operation.portal());
        }
        String staff = fixture.token(org.owner());
        String client = fixture.token(org.alice());
        List<String> wrong = new ArrayList<>();
        for (var address : taken.entrySet()) {
            String path = address.getKey();
            MockHttpServletResponse answer = mvc.perform(options(path).with(bearer(portal.get(path) ? client : staff)))
                    .andReturn()
                    .getResponse();
            Set<String> expected = new TreeSet<>(address.getValue());
            expected.add("OPTIONS");
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            String acceptPatch = answer.getHeader(HttpHeaders.ACCEPT_PATCH);
            String expectedPatch = address.getValue().contains("PATCH") ? "application/json" : null;
            if (answer.getStatus() != 200
                    || !expected.equals(methods(answer.getHeader(HttpHeaders.ALLOW)))
                    || !Objects.equals(acceptPatch, expectedPatch)
                    || answer.getHeaders(HttpHeaders.ACCEPT_PATCH).size() > 1) {
                wrong.add(
                        "OPTIONS " + path + ": " + answer.getStatus() + " Allow " + answer.getHeader(HttpHeaders.ALLOW)
                                + ", Accept-Patch " + (acceptPatch == null ? "absent" : "\"" + acceptPatch + "\""));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDeviceApiTakesNoPatchAndSaysNone() throws Exception {
        MockHttpServletResponse answer =
                mvc.perform(options("/api/v1/device/activate")).andReturn().getResponse();

        assertThat(methods(answer.getHeader(HttpHeaders.ALLOW))).containsExactlyInAnyOrder("POST", "OPTIONS");
        assertThat(answer.getHeaderNames()).doesNotContain(HttpHeaders.ACCEPT_PATCH);
    }

    static Set<String> methods(String allow) {
        return allow == null
                ? Set.of()
                : new TreeSet<>(
                        Arrays.stream(allow.split(",")).map(String::trim).toList());
    }
}
