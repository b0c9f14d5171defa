package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query parameter sent twice was answered as if right: {@code ?client=5&client=22} filtered by the first client
 * only, {@code ?q=lobby&q=menu} searched for "lobby,menu". Every parameter takes one value; a second is a 400
 * {@code bad-parameter} naming it.
 */
@IntegrationTest
class RepeatedQueryParametersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    TestOrganisation org;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        token = fixture.token(org.manager());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/licences?client=5&client=22",
                "/api/v1/licences?q=lobby&q=menu",
                "/api/v1/licences?limit=1&limit=2",
                "/api/v1/clients?page=1&page=2",
                "/api/v1/invoices?status=paid&status=void"
            })
    void refusesAParameterSentTwiceNamingIt(String address) throws Exception {
        var response = mvc.perform(get(address).with(bearer(token))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        String parameter = address.substring(address.indexOf('?') + 1, address.indexOf('='));
        assertThat(problem.get("type").asString()).endsWith("/bad-parameter");
        assertThat(problem.get("detail").asString()).contains(parameter).contains("more than once");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/licences?client={alice}&q=lobby&limit=1", "/api/v1/clients?page=1&limit=2"})
    void takesEachParameterOnce(String address) throws Exception {
        // A client of the organisation: another is refused (decision 0096).
        String filled = address.replace("{alice}", Long.toString(org.alice().userId()));
        assertThat(mvc.perform(get(filled).with(bearer(token)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
