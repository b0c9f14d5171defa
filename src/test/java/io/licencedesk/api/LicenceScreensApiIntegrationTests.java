package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff read a licence's screens as the console's licence page lists them, a numbered page at a time; nobody else
 * does (the access sweep, RestApiAccessIntegrationTests, tries every token on it too).
 */
class LicenceScreensApiIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void listsTheScreensTheConsoleShowsAPageAtATime() throws Exception {
        screens.register(org.alice(), licenceId, "Middle");
        long right = screens.register(org.alice(), licenceId, "Right").screen().id();
        screens.remove(org.alice(), licenceId, right);
        String manager = token(org.manager());

        JsonNode all = read("/api/v1/licences/" + licenceId + "/screens", manager);
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("hasMore").asBoolean()).isFalse();
        JsonNode left = all.get("data").get(0);
        assertThat(left.get("id").asLong()).isEqualTo(screenId);
        assertThat(left.get("name").asString()).isEqualTo("Left");
        assertThat(left.get("licenceId").asLong()).isEqualTo(licenceId);
        assertThat(left.get("activated").asBoolean()).isFalse();
        assertThat(left.get("lastCheckInAt").isNull()).isTrue();
        assertThat(left.get("createdAt").asString()).isNotBlank();
        assertThat(all.get("data").get(1).get("name").asString()).isEqualTo("Middle");

        JsonNode second = read("/api/v1/licences/" + licenceId + "/screens?page=2&limit=1", manager);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("data").get(0).get("name").asString()).isEqualTo("Middle");
        assertThat(read("/api/v1/licences/" + licenceId + "/screens?limit=1", manager)
                        .get("hasMore")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void refusesAnotherOrganisationAClientAndNoToken() throws Exception {
        String path = "/api/v1/licences/" + licenceId + "/screens";
        assertThat(status(path, token(fixture.organisation().owner()))).isEqualTo(404);
        assertThat(status(path, token(org.alice()))).isEqualTo(403);
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(status(path + "?limit=0", token(org.owner()))).isEqualTo(400);
    }

    private int status(String path, String token) throws Exception {
        return mvc.perform(get(path).with(bearer(token)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private JsonNode read(String path, String token) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(bearer(token))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
