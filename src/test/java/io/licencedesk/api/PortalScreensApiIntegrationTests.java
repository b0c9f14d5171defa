package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.licence.NewLicence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's program reads a licence's screens a numbered page at a time, as the API's other short lists and as staff
 * read them (decision 0140): a licence of 10,000 screens was one array of 2 MB. A program written for the array, which
 * sends neither page nor limit, still gets it, told that the form is deprecated.
 */
class PortalScreensApiIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    long chain;
    String alice;
    String address;

    @BeforeEach
    void thirtyScreens() {
        chain = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Chain", null, 30, org.alice().userId()))
                .id();
        IntStream.rangeClosed(1, 30).forEach(i -> screens.register(org.alice(), chain, "Screen %02d".formatted(i)));
        alice = token(org.alice());
        address = "/api/v1/portal/licences/" + chain + "/screens";
    }

    @Test
    void pagesTheScreensOldestFirstWithTheOtherListsParametersAndShape() throws Exception {
        JsonNode first = read(address + "?page=1", alice);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("limit").asInt()).isEqualTo(25);
        assertThat(first.get("total").asLong()).isEqualTo(30);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(names(first)).hasSize(25).startsWith("Screen 01", "Screen 02");

        JsonNode second = read(address + "?page=2", alice);
        assertThat(names(second)).containsExactly("Screen 26", "Screen 27", "Screen 28", "Screen 29", "Screen 30");
        assertThat(second.get("hasMore").asBoolean()).isFalse();

        assertThat(names(read(address + "?page=3&limit=10", alice)))
                .containsExactlyElementsOf(IntStream.rangeClosed(21, 30)
                        .mapToObj("Screen %02d"::formatted)
                        .toList());
        JsonNode limitAlone = read(address + "?limit=10", alice);
        assertThat(limitAlone.get("page").asInt()).isEqualTo(1);
        assertThat(names(limitAlone)).hasSize(10).startsWith("Screen 01");
        JsonNode pastTheLast = read(address + "?page=9&limit=10", alice);
        assertThat(pastTheLast.get("page").asInt()).isEqualTo(3);

        // The same page as staff read it (listLicenceScreens): one shape for a licence's screens.
        assertThat(read(address + "?page=2&limit=7", alice))
                .isEqualTo(read("/api/v1/licences/" + chain + "/screens?page=2&limit=7", token(org.manager())));
        assertThat(fetch(address + "?page=1", alice).getHeader(PortalApiController.DEPRECATION))
                .isNull();
    }

    @Test
    void aProgramWrittenForTheArrayStillGetsEveryScreenToldTheFormIsDeprecated() throws Exception {
        MockHttpServletResponse whole = fetch(address, alice);
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getHeader("Deprecation")).isEqualTo("@1796601600");
        JsonNode array = JSON.readTree(whole.getContentAsString(StandardCharsets.UTF_8));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(30);
        assertThat(array.get(29).get("name").asString()).isEqualTo("Screen 30");
    }

    @Test
    void aPageOrLimitItCannotReadIsABadParameterNamingIt() throws Exception {
        for (String[] wrong : new String[][] {
            {"?page=0", "page"},
            {"?page=", "page"},
            {"?page=two", "page"},
            {"?limit=0", "limit"},
            {"?limit=101", "limit"},
            {"?page=1&limit=", "limit"},
            {"?page=1&size=10", "size"},
            {"?page=1&page=2", "page"}
        }) {
            MockHttpServletResponse answer = fetch(address + wrong[0], alice);
            assertThat(answer.getStatus()).as(wrong[0]).isEqualTo(400);
            JsonNode problem = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).as(wrong[0]).endsWith("/bad-parameter");
            assertThat(problem.get("errors").get(0).get("field").asString())
                    .as(wrong[0])
                    .isEqualTo(wrong[1]);
        }
    }

    @Test
    void anotherClientAnotherOrganisationStaffAndNobodyAreRefusedEitherForm() throws Exception {
        for (String form : List.of("", "?page=1", "?limit=5")) {
            assertThat(fetch(address + form, token(org.bob())).getStatus())
                    .as(form)
                    .isEqualTo(404);
            assertThat(fetch(address + form, token(fixture.organisation().alice()))
                            .getStatus())
                    .as(form)
                    .isEqualTo(404);
            assertThat(fetch(address + form, token(org.manager())).getStatus())
                    .as(form)
                    .isEqualTo(403);
            assertThat(mvc.perform(get(address + form))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(form)
                    .isEqualTo(401);
        }
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("data").forEach(screen -> names.add(screen.get("name").asString()));
        return names;
    }

    private MockHttpServletResponse fetch(String path, String token) throws Exception {
        return mvc.perform(get(path).with(bearer(token))).andReturn().getResponse();
    }

    private JsonNode read(String path, String token) throws Exception {
        MockHttpServletResponse response = fetch(path, token);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
