package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A number too large for its field ({@code "quantity": 99999999999999999999}) is valid JSON; it was answered "The body
 * is not valid JSON (line 1, column 55)", which sent the author looking for a typo. The problem names the field.
 */
@IntegrationTest
class OutOfRangeNumbersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Test
    void namesTheFieldWhoseNumberIsOutOfRange() throws Exception {
        TestOrganisation org = fixture.organisation();
        long plan = fixture.monthlyPlan(org).id();
        for (String field : new String[] {"quantity", "clientId"}) {
            String body = "{\"planId\": %d, \"name\": \"Lobby\", \"quantity\": 1, \"%s\": 99999999999999999999999}"
                    .formatted(plan, field)
                    .replace("\"quantity\": 1, \"quantity\"", "\"quantity\"");
            var response = mvc.perform(post("/api/v1/licences")
                            .with(bearer(fixture.token(org.manager())))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse();

            assertThat(response.getStatus()).as(field).isEqualTo(400);
            JsonNode problem =
                    JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).endsWith("/malformed-body");
            assertThat(problem.get("detail").asString())
                    .as(field)
                    .startsWith("The field " + field + " is out of range")
                    .doesNotContain("not valid JSON");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }
}
