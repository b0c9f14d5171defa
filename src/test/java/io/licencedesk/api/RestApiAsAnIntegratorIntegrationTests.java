package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an integrator reading docs/api.md and /v3/api-docs expects of the answers: the list's filters as the console
 * has them, the same client in a list as in the licence, enum values in lower case, and the portal's licence in the
 * API's own terms (an ISO term, money as money) with what the portal page shows of it.
 */
@IntegrationTest
class RestApiAsAnIntegratorIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    Plan plan;
    String staff;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        staff = fixture.token(org.owner());
    }

    JsonNode ok(String token, MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(200, 299);
        return JSON.readTree(body);
    }

    long licence(String name, Long clientId) {
        return licences.create(org.manager(), new NewLicence(plan.id(), name, null, 2, clientId))
                .id();
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void filtersTheListByStatusAsTheConsoleDoesAndRefusesAStatusItDoesNotKnow() throws Exception {
        long available = licence("Spare", null);
        long assigned = licence("Lobby", org.alice().userId());
        long paused = licence("Foyer", org.alice().userId());
        ok(staff, post("/api/v1/licences/" + paused + "/pause"));

        assertThat(ids(ok(staff, get("/api/v1/licences?status=available")))).containsExactly(available);
        assertThat(ids(ok(staff, get("/api/v1/licences?status=ASSIGNED")))).containsExactly(assigned);
        assertThat(ids(ok(staff, get("/api/v1/licences?status=paused")))).containsExactly(paused);
        assertThat(ids(ok(staff, get("/api/v1/licences")))).containsExactlyInAnyOrder(available, assigned, paused);

        var refused = mvc.perform(get("/api/v1/licences?status=lost").with(bearer(staff)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"status\"");
    }

    @Test
    void aListNamesTheClientsCompanyAsTheLicenceDoes() throws Exception {
        ok(
                staff,
                patch("/api/v1/clients/" + org.alice().userId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"company\": \"Cinéma Lumière\"}"));
        long id = licence("Lobby", org.alice().userId());

        JsonNode listed = ok(staff, get("/api/v1/licences")).get("data").get(0);
        JsonNode fetched = ok(staff, get("/api/v1/licences/" + id));
        assertThat(listed.get("client").get("company").asString()).isEqualTo("Cinéma Lumière");
        assertThat(listed.get("client")).isEqualTo(fetched.get("client"));
    }

    @Test
    void writesAHistoryEntrysActionInLowerCaseAsEveryEnumValue() throws Exception {
        long id = licence("Lobby", org.alice().userId());
        ok(staff, post("/api/v1/licences/" + id + "/pause"));

        JsonNode history = ok(staff, get("/api/v1/licences/" + id + "/history"));
        List<String> actions = new ArrayList<>();
        history.forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("paused", "created");
    }

    @Test
    void givesAClientsLicenceItsTermInIso8601ItsPriceAndWhetherItRenews() throws Exception {
        long id = licence("Lobby", org.alice().userId());

        JsonNode mine = ok(fixture.token(org.alice()), get("/api/v1/portal/licences/" + id));
        assertThat(mine.get("term").asString()).isEqualTo("P1M");
        assertThat(mine.get("unitPrice").get("amount").asString()).isEqualTo("10.00");
        assertThat(mine.get("price").get("amount").asString()).isEqualTo("20.00");
        assertThat(mine.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(mine.get("renewsAutomatically").asBoolean()).isFalse();
        assertThat(ok(fixture.token(org.alice()), get("/api/v1/portal/licences"))
                        .get("data")
                        .get(0))
                .isEqualTo(mine);
    }
}
