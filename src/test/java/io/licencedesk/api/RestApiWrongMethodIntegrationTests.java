package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Every address of the REST API, sent a method it does not take, is a 405 method-not-allowed whose Allow header
 * names the methods it takes, and changes nothing. The addresses without a variable sit beside a {@code /{id}} of the
 * same list ({@code /licences/export} beside {@code /licences/{id}}), which Spring chose instead: {@code GET
 * /api/v1/invoices/send} was told "the parameter id must be a whole number".
 */
class RestApiWrongMethodIntegrationTests extends RestApiSweep {

    static final List<HttpMethod> METHODS =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Test
    void aMethodAnAddressDoesNotTakeIsA405NamingTheOnesItTakes() throws Exception {
        Map<String, Set<String>> taken = new LinkedHashMap<>();
        Map<String, Boolean> portal = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            taken.computeIfAbsent(operation.path(), any -> new TreeSet<>())
                    .add(operation.method().name());
            portal.put(operation.path(), operation.portal());
        }
        String staff = fixture.token(
                org.owner()); // a manager's is refused changing plans (403) before the method is looked at
        String client = fixture.token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();
        for (var address : taken.entrySet()) {
            String path = address.getKey();
            for (HttpMethod method : METHODS) {
                if (address.getValue().contains(method.name())) {
                    continue;
                }
                var sent = request(method, path).with(bearer(portal.get(path) ? client : staff));
                if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
                    sent.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                var answer = mvc.perform(sent).andReturn().getResponse();
                String allow = answer.getHeader(HttpHeaders.ALLOW);
                Set<String> allowed = allow == null
                        ? Set.of()
                        : new TreeSet<>(Arrays.stream(allow.split(","))
                                .map(String::trim)
                                .toList());
                if (answer.getStatus() != 405
                        || !answer.getContentAsString(StandardCharsets.UTF_8).contains("/problems/method-not-allowed")
                        || !allowed.containsAll(address.getValue())
                        || allowed.contains(method.name())) {
                    wrong.add(method + " " + path + ": " + answer.getStatus() + " Allow " + allow + " "
                            + answer.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }
}
