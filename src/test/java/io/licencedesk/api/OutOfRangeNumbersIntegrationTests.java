package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

    /**
     * A query number too large for its type was answered "The parameter page must be a whole number." to a sender of
     * a whole number; it is out of range, as a body's is. A value that is not a number still says so. (A path's id too
     * large for its type names nothing: a 404, IdsThatNameNothingIntegrationTests, decision 0151.)
     */
    @Test
    void namesTheParameterWhoseNumberIsOutOfRange() throws Exception {
        TestOrganisation org = fixture.organisation();
        String token = fixture.token(org.manager());
        record Case(String address, String parameter, String detail) {}
        for (Case c : java.util.List.of(
                new Case("/api/v1/clients?page=2147483648", "page", "is out of range"),
                new Case("/api/v1/licences?limit=-99999999999", "limit", "is out of range"),
                new Case("/api/v1/licences?client=" + "9".repeat(2000), "client", "is out of range"),
                new Case("/api/v1/clients?page=two", "page", "must be a whole number"))) {
            var response = mvc.perform(get(c.address()).with(bearer(token)))
                    .andReturn()
                    .getResponse();

            assertThat(response.getStatus()).as(c.address()).isEqualTo(400);
            JsonNode problem =
                    JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).endsWith("/bad-parameter");
            assertThat(problem.get("detail").asString())
                    .as(c.address())
                    .startsWith("The parameter " + c.parameter() + " " + c.detail());
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(c.parameter());
        }
    }
}
