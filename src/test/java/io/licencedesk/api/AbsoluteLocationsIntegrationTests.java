package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every Location the REST API answers is an absolute address on the server the request reached (decision 0135), as
 * Stripe's are and as generated clients expect; it was a path for some and is one rule for all now, replayed alike.
 */
@IntegrationTest
class AbsoluteLocationsIntegrationTests {

    private static final String SERVER = "http://licencedesk.example";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    Plan plan;
    String owner;
    String alice;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        owner = fixture.token(org.owner());
        alice = fixture.token(org.alice());
    }

    MockHttpServletResponse create(String token, String path, String json) throws Exception {
        return mvc.perform(post(SERVER + path)
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
    }

    /** The Location is absolute, on the server asked, names the object created, and reads it. */
    void assertAbsoluteAndReadable(MockHttpServletResponse created, String token, String under) throws Exception {
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String location = created.getHeader("Location");
        assertThat(location).matches(SERVER.replace(".", "\\.") + under + "/\\d+");
        assertThat(mvc.perform(get(location).with(bearer(token)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theLocationOfEachObjectCreatedIsAnAbsoluteAddressThatReadsIt() throws Exception {
        assertAbsoluteAndReadable(
                create(
                        owner,
                        "/api/v1/licences",
                        "{\"planId\": %d, \"name\": \"Hall\", \"quantity\": 1}".formatted(plan.id())),
                owner,
                "/api/v1/licences");
        assertAbsoluteAndReadable(
                create(owner, "/api/v1/clients", "{\"name\": \"Carol\", \"email\": \"carol@example.com\"}"),
                owner,
                "/api/v1/clients");
        assertAbsoluteAndReadable(
                create(owner, "/api/v1/plans", "{\"name\": \"Weekly\", \"term\": \"P7D\", \"unitPrice\": \"3.00\"}"),
                owner,
                "/api/v1/plans");
        String code = licences.create(org.manager(), new NewLicence(plan.id(), "Free", null, 1, null))
                .couponCode()
                .value();
        assertAbsoluteAndReadable(
                create(alice, "/api/v1/portal/redemptions", "{\"code\": \"%s\"}".formatted(code)),
                alice,
                "/api/v1/portal/licences");
        long assigned = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 2, org.alice().userId()))
                .id();
        assertAbsoluteAndReadable(
                create(alice, "/api/v1/portal/licences/" + assigned + "/screens", "{\"name\": \"Entrance\"}"),
                alice,
                "/api/v1/portal/licences/" + assigned + "/screens");
    }

    @Test
    void aReplayedCreateAnswersTheSameAbsoluteLocationAndETag() throws Exception {
        String body = "{\"name\": \"Quarterly\", \"term\": \"P3M\", \"unitPrice\": \"30.00\"}";
        var first = mvc.perform(post(SERVER + "/api/v1/plans")
                        .with(bearer(owner))
                        .header("Idempotency-Key", "plan-quarterly")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        var again = mvc.perform(post(SERVER + "/api/v1/plans")
                        .with(bearer(owner))
                        .header("Idempotency-Key", "plan-quarterly")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();

        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getHeader("Location"))
                .isEqualTo(first.getHeader("Location"))
                .startsWith(SERVER + "/");
        assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).isNotNull();
    }
}
