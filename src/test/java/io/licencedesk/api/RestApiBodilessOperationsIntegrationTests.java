package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operation that takes no body (pause, resume, renew, invite, …) ignored one, so {@code {"reason": "x"}} looked
 * taken; docs/api.md says a field an operation does not take is refused. Every such operation of the REST API is
 * tried: refused as an unknown field is (400 {@code malformed-body} naming the field), changing nothing; no body, an
 * empty one and {@code {}} are still taken.
 */
class RestApiBodilessOperationsIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void refusesAFieldSentToEveryOperationThatTakesNoBodyAndChangesNothing() throws Exception {
        Set<String> bodiless = bodilessWrites();
        String owner = token(org.owner());
        String client = token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Operation operation : operations()) {
            if (!bodiless.contains(operation.toString())) {
                continue;
            }
            tried++;
            MockHttpServletResponse response = mvc.perform(request(operation.method(), operation.path())
                            .with(bearer(operation.portal() ? client : owner))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"x\"}"))
                    .andReturn()
                    .getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() != 400 || !body.startsWith("{")) {
                wrong.add(operation + ": " + response.getStatus() + " " + body);
                continue;
            }
            JsonNode problem = JSON.readTree(body);
            if (!problem.get("type").asString().endsWith("/malformed-body")
                    || !problem.get("detail").asString().equals("This operation does not take the field reason.")
                    || !problem.get("errors").get(0).get("field").asString().equals("reason")) {
                wrong.add(operation + ": " + body);
            }
        }
        assertThat(tried).as("pause, resume, renew, invite, activate, deletes…").isGreaterThan(5);
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void namesEveryFieldAndStillTakesNoBodyAnEmptyOneOrAnEmptyObject() throws Exception {
        String owner = token(org.owner());
        MockHttpServletResponse refused = mvc.perform(post("/api/v1/licences/{id}/pause", licenceId)
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"x\", \"until\": \"2027-01-01\"}"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("detail").asString())
                .isEqualTo("This operation does not take the fields reason, until.");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("reason", "until");

        assertThat(mvc.perform(post("/api/v1/licences/{id}/pause", licenceId)
                                .with(bearer(owner))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(post("/api/v1/licences/{id}/resume", licenceId).with(bearer(owner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(post("/api/v1/licences/{id}/pause", licenceId)
                                .with(bearer(owner))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(""))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    /** The REST API's writes whose handler takes no body, as "POST /api/v1/licences/{id}/pause". */
    private Set<String> bodilessWrites() {
        Set<String> bodiless = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestApi.class)
                    || Arrays.stream(handler.getMethodParameters())
                            .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class)
                                    || parameter.getParameterType().getName().startsWith("jakarta.servlet"))) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    if (WRITES.contains(method.name())) {
                        bodiless.add(method.name() + " " + pattern);
                    }
                }
            }
        });
        return bodiless;
    }
}
