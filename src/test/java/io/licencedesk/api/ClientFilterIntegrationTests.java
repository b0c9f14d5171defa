package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licence and invoice lists' {@code client} filter: a client of the organisation lists theirs; another
 * organisation's client and an id of nobody are refused alike, rather than answered an empty page as if that client
 * had nothing (decision 0096).
 */
@IntegrationTest
class ClientFilterIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Test
    void refusesAClientThatIsNotOneOfYoursWithTheSameWordsWhetherItExistsOrNot() throws Exception {
        TestOrganisation org = fixture.organisation();
        TestOrganisation other = fixture.organisation();
        for (TestOrganisation each : List.of(org, other)) {
            long licence = licences.create(
                            each.manager(),
                            new NewLicence(
                                    fixture.monthlyPlan(each).id(),
                                    "Lobby",
                                    null,
                                    1,
                                    each.alice().userId()))
                    .id();
            invoicing.send(each.manager(), List.of(licence));
        }
        String token = fixture.token(org.manager());
        long othersClient = other.alice().userId();
        long nobody = Long.MAX_VALUE;

        for (String list : List.of("/api/v1/licences", "/api/v1/invoices")) {
            JsonNode own =
                    JSON.readTree(body(get(list + "?client=" + org.alice().userId()), token, 200));
            assertThat(own.get("data").size()).as(list).isEqualTo(1);

            JsonNode othersRefusal = JSON.readTree(body(get(list + "?client=" + othersClient), token, 400));
            JsonNode nobodysRefusal = JSON.readTree(body(get(list + "?client=" + nobody), token, 400));
            for (JsonNode refusal : List.of(othersRefusal, nobodysRefusal)) {
                assertThat(refusal.get("type").asString())
                        .as(list)
                        .isEqualTo("https://licencedesk.io/problems/bad-parameter");
                assertThat(refusal.get("detail").asString())
                        .as(list)
                        .isEqualTo("The client asked for is not one of your clients.");
                assertThat(refusal.get("errors").get(0).get("field").asString())
                        .as(list)
                        .isEqualTo("client");
            }
            assertThat(othersRefusal.get("errors")).as(list).isEqualTo(nobodysRefusal.get("errors"));
            // A staff member of the organisation is not one of its clients either.
            body(get(list + "?client=" + org.manager().userId()), token, 400);
        }
    }

    private String body(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String token,
            int status)
            throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body;
    }
}
