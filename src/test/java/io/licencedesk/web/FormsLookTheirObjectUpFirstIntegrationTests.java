package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.Role;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The three console forms that refused what they were sent before looking their object up (a licence's auto-renew
 * without a choice, a change of role without a role, retrying an outbox message) answered an id that names nothing, or
 * another organisation's object, with a redirect and a message about the form or the message's state; every other
 * address answers the 404 page (decision 0151). They now look the object up first (decision 0153): an unknown id and
 * another organisation's are the same 404 page, and nothing changes; this organisation's own object still gets the
 * form's message.
 */
@IntegrationTest
class FormsLookTheirObjectUpFirstIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse send(TestOrganisation who, MockHttpServletRequestBuilder form) throws Exception {
        return mvc.perform(form.header("Accept", BadPageRequestsIntegrationTests.BROWSER)
                        .with(fixture.signedIn(who.owner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    /** The page, less its session's CSRF token (each request's page has its own). */
    static String pageOf(MockHttpServletResponse answer) throws Exception {
        return answer.getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(_csrf\"\\s+(content|value)=\")[^\"]*", "$1");
    }

    long licenceOf(TestOrganisation org) {
        return licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(org).id(),
                                "Foyer",
                                null,
                                1,
                                org.alice().userId()))
                .id();
    }

    long messageOf(TestOrganisation org) {
        people.invite(org.owner(), "Chloé Martin", "chloe." + org.id() + "@example.test", Role.MANAGER);
        return jdbc.sql("select max(id) from outbound_email where organisation_id = ?")
                .param(org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void anUnknownIdAndAnotherOrganisationsAreTheSame404PageAndTheFormsOwnObjectsKeepTheirMessages() throws Exception {
        TestOrganisation org = organisations.create();
        TestOrganisation other = organisations.create();
        long theirLicence = licenceOf(other);
        long theirMessage = messageOf(other);
        long theirManager = other.manager().userId();
        record Form(String address, long theirs, String field, String value) {}
        List<Form> forms = List.of(
                new Form("/licences/%d/auto-renew", theirLicence, "autoRenew", "yes"),
                new Form("/people/%d/role", theirManager, "role", "OWNER"),
                new Form("/outbox/%d/retry", theirMessage, null, null));

        for (Form form : forms) {
            MockHttpServletResponse unknown = send(org, post(form.address().formatted(987654321L)));
            assertThat(unknown.getStatus()).as(form.address()).isEqualTo(404);
            assertThat(pageOf(unknown)).as(form.address()).contains("There is nothing here");
            MockHttpServletRequestBuilder filled = post(form.address().formatted(form.theirs()));
            if (form.field() != null) {
                filled.param(form.field(), form.value());
            }
            for (MockHttpServletResponse theirs :
                    List.of(send(org, post(form.address().formatted(form.theirs()))), send(org, filled))) {
                assertThat(theirs.getStatus()).as(form.address()).isEqualTo(404);
                assertThat(theirs.getHeader("Location")).isNull();
                assertThat(pageOf(theirs)).as(form.address()).isEqualTo(pageOf(unknown));
            }
        }
        assertThat(licences.details(other.manager(), theirLicence).renewal().autoRenewChoice())
                .isNull();
        assertThat(jdbc.sql("select role from app_user where id = ?")
                        .param(theirManager)
                        .query(String.class)
                        .single())
                .isEqualTo("MANAGER");

        MockHttpServletResponse noChoice = send(org, post("/licences/%d/auto-renew".formatted(licenceOf(org))));
        assertThat(noChoice.getStatus()).isEqualTo(302);
        MockHttpServletResponse noRole =
                send(org, post("/people/%d/role".formatted(org.manager().userId())));
        assertThat(noRole.getStatus()).isEqualTo(302);
        MockHttpServletResponse notFailed = send(org, post("/outbox/%d/retry".formatted(messageOf(org))));
        assertThat(notFailed.getStatus()).isEqualTo(302);
        assertThat(notFailed.getRedirectedUrl()).startsWith("/outbox/");
    }
}
