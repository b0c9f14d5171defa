package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A licence's history in the API: a cursor page at a time, newest first, each change with its field's values as
 * the console shows them and as a program reads them, always as text (digits, ISO dates, lower-case codes, true or
 * false).
 */
class LicenceHistoryApiIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void pagesTheHistoryWithCursorsAndGivesValuesAProgramReads() throws Exception {
        String owner = token(org.owner());
        String licence = "/api/v1/licences/" + licenceId;
        send(patch(licence).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 5}"), owner, 200);
        send(
                put(licence + "/auto-renew")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"autoRenew\": true}"),
                owner,
                200);
        send(post(licence + "/pause"), owner, 200);

        List<JsonNode> entries = new ArrayList<>();
        JsonNode page = send(get(licence + "/history?limit=2"), owner, 200);
        assertThat(page.get("data")).hasSize(2);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(page.get("previousCursor").isNull()).isTrue();
        JsonNode first = page;
        page.get("data").forEach(entries::add);
        while (page.get("hasMore").asBoolean()) {
            page = send(
                    get(URI.create(licence + "/history?limit=2&after="
                            + page.get("nextCursor").asString())),
                    owner,
                    200);
            page.get("data").forEach(entries::add);
        }
        assertThat(entries)
                .extracting(entry -> entry.get("action").asString())
                .startsWith("paused")
                .contains("edited", "activated", "invoiced")
                .endsWith("created");
        assertThat(entries).extracting(JsonNode::toString).doesNotHaveDuplicates();
        JsonNode second = send(
                get(URI.create(licence + "/history?limit=2&after="
                        + first.get("nextCursor").asString())),
                owner,
                200);
        JsonNode back = send(
                get(URI.create(licence + "/history?limit=2&before="
                        + second.get("previousCursor").asString())),
                owner,
                200);
        assertThat(back.get("data")).isEqualTo(first.get("data"));

        // before the newest entry: nothing, and so no more to follow
        JsonNode newest = send(get(licence + "/history?limit=1"), owner, 200);
        JsonNode beforeNewest = send(
                get(URI.create(licence + "/history?limit=1&before="
                        + newest.get("nextCursor").asString())),
                owner,
                200);
        assertThat(beforeNewest.get("data")).isEmpty();
        assertThat(beforeNewest.get("nextCursor").isNull()).isTrue();
        assertThat(beforeNewest.get("hasMore").asBoolean()).isFalse();

        JsonNode paused = change(entries, "status");
        assertThat(paused.get("before").asString()).isEqualTo("Active");
        assertThat(paused.get("beforeValue").asString()).isEqualTo("active");
        assertThat(paused.get("afterValue").asString()).isEqualTo("paused");
        JsonNode quantity = change(entries, "quantity");
        assertThat(quantity.get("before").asString()).isEqualTo("3");
        assertThat(quantity.get("beforeValue").isString()).isTrue();
        assertThat(quantity.get("beforeValue").asString()).isEqualTo("3");
        assertThat(quantity.get("afterValue").isString()).isTrue();
        assertThat(quantity.get("afterValue").asString()).isEqualTo("5");
        JsonNode autoRenew = change(entries, "autoRenew");
        assertThat(autoRenew.get("beforeValue").isNull()).isTrue();
        assertThat(autoRenew.get("afterValue").isString()).isTrue();
        assertThat(autoRenew.get("afterValue").asString()).isEqualTo("true");
        JsonNode activatedOn = change(entries, "activatedOn");
        assertThat(activatedOn.get("afterValue").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void refusesACursorOfAnotherListAndBothCursorsAsBadParameters() throws Exception {
        String owner = token(org.owner());
        String history = "/api/v1/licences/" + licenceId + "/history";
        String licenceCursor = send(get("/api/v1/licences?limit=1"), owner, 200)
                .get("nextCursor")
                .asString();
        for (String query : List.of(
                "after=" + licenceCursor,
                "before=bm9wZQ",
                "after=%25%25",
                "after=aGlzdG9yeTox&before=aGlzdG9yeTox",
                "limit=0")) {
            JsonNode problem = send(get(URI.create(history + "?" + query)), owner, 400);
            assertThat(problem.get("type").asString())
                    .as(query)
                    .isEqualTo("https://licencedesk.io/problems/bad-parameter");
        }
        assertThat(send(get(history), token(fixture.organisation().owner()), 404)
                        .get("type")
                        .asString())
                .endsWith("/not-found");
    }

    /**
     * A cursor of one licence's history sent with another's was read as a place in it, and answered a page of that
     * other history from wherever its entry id fell (decision 0101): now a 400 naming the parameter and the licence
     * the cursor belongs to.
     */
    @Test
    void refusesACursorOfAnotherLicencesHistory() throws Exception {
        String owner = token(org.owner());
        long other = licences.create(
                        org.manager(), new io.licencedesk.licence.NewLicence(plan.id(), "Foyer", null, 1, null))
                .id();
        for (String name : List.of("Foyer left", "Foyer right")) {
            send(
                    patch("/api/v1/licences/" + other)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"" + name + "\"}"),
                    owner,
                    200);
        }
        JsonNode page = send(get("/api/v1/licences/" + other + "/history?limit=1"), owner, 200);
        String cursor = page.get("nextCursor").asString();
        assertThat(send(get(URI.create("/api/v1/licences/" + other + "/history?limit=1&after=" + cursor)), owner, 200)
                        .get("data"))
                .hasSize(1);

        for (String parameter : List.of("after", "before")) {
            JsonNode problem = send(
                    get(URI.create("/api/v1/licences/" + licenceId + "/history?" + parameter + "=" + cursor)),
                    owner,
                    400);
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/bad-parameter");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
            assertThat(problem.get("detail").asString())
                    .isEqualTo("The cursor in " + parameter + " was made for the history of licence " + other
                            + ": send it with /api/v1/licences/" + other + "/history, or start again from the first"
                            + " page without " + parameter + ".");
        }
    }

    private static JsonNode change(List<JsonNode> entries, String field) {
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.get("changes")) {
                if (change.get("field").asString().equals(field)) {
                    return change;
                }
            }
        }
        throw new AssertionError("No change of " + field);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String token, int status) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return JSON.readTree(body);
    }
}
