package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal API refuses a screen the licence's state or its other screens refuse with 409 {@code conflict}, and a
 * name that can never be a screen's with 422 {@code validation} (docs/api.md): a full licence and an expired one
 * alike, a name in use with the field named, as a plan name in use is.
 */
class PortalScreenRefusalsIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void refusesAScreenOnAFullOrExpiredLicenceAsAConflict() throws Exception {
        String client = token(org.alice());
        register(client, "Middle");
        register(client, "Right");
        JsonNode full = register(client, "Fourth");
        assertThat(full.get("status").asInt()).isEqualTo(409);
        assertThat(full.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");

        jdbc.sql("update screen set removed_at = current_timestamp where licence_id = ? and name = 'Right'")
                .param(licenceId)
                .update();
        jdbc.sql("update licence set ends_on = ? where id = ?")
                .param(LocalDate.now(clock).minusDays(2))
                .param(licenceId)
                .update();
        List<Object> before = state();
        JsonNode expired = register(client, "Fourth");
        assertThat(expired.get("status").asInt()).isEqualTo(409);
        assertThat(expired.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
        assertThat(expired.get("detail").asString()).isNotBlank();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void refusesANameAnotherScreenHasAsAConflictNamingTheField() throws Exception {
        String client = token(org.alice());
        assertThat(register(client, "Right").has("credential")).isTrue();
        List<Object> before = state();
        for (JsonNode taken : List.of(
                register(client, "left"),
                send(patch("/api/v1/portal/licences/" + licenceId + "/screens/" + screenId), client, "Right"))) {
            assertThat(taken.get("status").asInt()).isEqualTo(409);
            assertThat(taken.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
            assertThat(taken.get("errors").get(0).get("field").asString()).isEqualTo("name");
        }
        JsonNode blank = register(client, " ");
        assertThat(blank.get("status").asInt()).isEqualTo(422);
        assertThat(blank.get("type").asString()).isEqualTo("https://licencedesk.io/problems/validation");
        assertThat(state()).isEqualTo(before);
    }

    private JsonNode register(String token, String name) throws Exception {
        return send(post("/api/v1/portal/licences/" + licenceId + "/screens"), token, name);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String token, String name) throws Exception {
        var response = mvc.perform(request.with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"%s\"}".formatted(name)))
                .andReturn()
                .getResponse();
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
