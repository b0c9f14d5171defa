package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PUT …/auto-renew says the licence's choice: true, false, or an explicit null to follow its plan again (as docs/api.md
 * says). A body that does not say it ({@code {}}) was read as null and silently handed the licence back to its plan;
 * it is refused, naming the field, and changes nothing.
 */
@IntegrationTest
class LicenceAutoRenewApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    long licence;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        long plan = fixture.monthlyPlan(org).id();
        licence = licences.create(org.manager(), new NewLicence(plan, "Lobby", null, 2, null))
                .id();
        token = fixture.token(org.manager());
    }

    record Answer(int status, String contentType, JsonNode body) {}

    Answer choose(long id, String body) throws Exception {
        var response = mvc.perform(put("/api/v1/licences/{id}/auto-renew", id)
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        return new Answer(
                response.getStatus(),
                response.getContentType(),
                JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesABodyWithoutTheChoiceNamingTheFieldAndChangesNothing() throws Exception {
        assertThat(choose(licence, "{\"autoRenew\": true}").status()).isEqualTo(200);

        Answer refused = choose(licence, "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).endsWith("/validation");
        assertThat(refused.body().get("instance").asString()).isEqualTo("/api/v1/licences/" + licence + "/auto-renew");
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("autoRenew");
        assertThat(refused.body().get("detail").asString()).contains("autoRenew");
        assertThat(licences.details(org.manager(), licence).renewal().autoRenewChoice())
                .isTrue();
    }

    @Test
    void anExplicitNullStillFollowsThePlan() throws Exception {
        choose(licence, "{\"autoRenew\": false}");

        Answer followed = choose(licence, "{\"autoRenew\": null}");

        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body().get("autoRenew").isNull()).isTrue();
        assertThat(licences.details(org.manager(), licence).renewal().autoRenewChoice())
                .isNull();
    }

    @Test
    void anotherOrganisationsLicenceIsNotFoundWhateverTheBody() throws Exception {
        TestOrganisation other = fixture.organisation();
        long theirs = licences.create(
                        other.manager(),
                        new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 1, null))
                .id();

        assertThat(choose(theirs, "{}").status()).isEqualTo(404);
    }
}
