package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff view the portal as one of their clients sees it: read-only (every change refused by the server), with a
 * banner, recorded when it starts and stops; staff stay themselves, and others are refused.
 */
@IntegrationTest
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsoleViewAsIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestLicences testLicences;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    TestOrganisation other;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
    }

    @Test
    void showsTheClientsPortalReadOnlyWithABannerRefusesEveryChangeAndStops() throws Exception {
        Plan plan = fixture.monthlyPlan(org);
        long lobby =
                testLicences.activated(org.owner(), plan, org.alice().userId(), "Alice lobby", testLicences.today());
        testLicences.activated(org.owner(), plan, org.bob().userId(), "Bob lobby", testLicences.today());
        var manager = fixture.signedIn(org.manager());

        mvc.perform(get("/portal").with(manager)).andExpect(status().isForbidden());
        // Sessions live in the database: the session is the one its cookie names.
        Cookie session = mvc.perform(post("/clients/{id}/view-as", org.alice().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(audit("VIEW_STARTED")).isEqualTo(1);

        mvc.perform(get("/portal").with(manager).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Viewing as " + org.alice().name() + " — read-only")))
                .andExpect(content().string(containsString("Alice lobby")))
                .andExpect(content().string(not(containsString("Bob lobby"))))
                .andExpect(content().string(containsString("<fieldset disabled")));
        mvc.perform(get("/portal/licences/{id}", lobby).with(manager).cookie(session))
                .andExpect(status().isOk());
        mvc.perform(get("/portal/profile").with(manager).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(org.alice().email())));

        mvc.perform(post("/portal/profile")
                        .param("name", "Changed by staff")
                        .with(manager)
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/portal/redeem")
                        .param("code", "AAAA2222")
                        .with(manager)
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/portal/licences/{id}/activate", lobby)
                        .with(manager)
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().isForbidden());
        assertThat(people.client(org.manager(), org.alice().userId()).name())
                .isEqualTo(org.alice().name());

        // Staff stay themselves in the console, with the banner to stop.
        mvc.perform(get("/licences").with(manager).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Viewing as " + org.alice().name())));

        mvc.perform(post("/view-as/stop").with(manager).with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/clients/" + org.alice().userId()));
        assertThat(audit("VIEW_STOPPED")).isEqualTo(1);
        mvc.perform(get("/portal").with(manager).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/licences").with(manager).cookie(session))
                .andExpect(content().string(not(containsString("Viewing as"))));
    }

    @Test
    void answersAChangeSentWhileViewingAsAClientWithTheBannerAndWhyAndChangesNothing() throws Exception {
        Plan plan = fixture.monthlyPlan(org);
        long lobby =
                testLicences.activated(org.owner(), plan, org.alice().userId(), "Alice lobby", testLicences.today());
        var manager = fixture.signedIn(org.manager());
        mvc.perform(post("/portal/profile")
                        .param("name", "Changed by staff")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Nothing can be changed"))));
        Cookie session = mvc.perform(post("/clients/{id}/view-as", org.alice().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        long auditRows = auditRows();

        mvc.perform(post("/portal/profile")
                        .param("name", "Changed by staff")
                        .with(manager)
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(containsString("Viewing as " + org.alice().name() + " — read-only")))
                .andExpect(content().string(containsString("Nothing can be changed while viewing as a client")))
                .andExpect(content()
                        .string(containsString(
                                "You see the portal as " + org.alice().name() + " sees it, read-only")))
                .andExpect(
                        content()
                                .string(
                                        matchesPattern(
                                                "(?s).*<form [^>]*action=\"/view-as/stop\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\".*")))
                .andExpect(content().string(containsString("href=\"/portal/invoices\"")));
        mvc.perform(post("/portal/licences/{id}/screens", lobby)
                        .param("name", "Staff screen")
                        .header("Accept-Language", "fr")
                        .with(manager)
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(containsString("Rien ne peut être modifié pendant la vue en tant que client")));

        assertThat(people.client(org.manager(), org.alice().userId()).name())
                .isEqualTo(org.alice().name());
        assertThat(jdbc.sql("select count(*) from screen where licence_id = :id")
                        .param("id", lobby)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(auditRows()).as("nothing recorded, nothing changed").isEqualTo(auditRows);
    }

    /** The log said "started" with no end: signing out ends the viewing, and it is recorded as the Stop is. */
    @Test
    void signingOutWhileViewingAsAClientRecordsTheEnd() throws Exception {
        var manager = fixture.signedIn(org.manager());
        Cookie session = mvc.perform(post("/clients/{id}/view-as", org.alice().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");

        mvc.perform(post("/logout").with(manager).with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/login?signedOut"));

        assertThat(audit("VIEW_STARTED")).isEqualTo(1);
        assertThat(audit("VIEW_STOPPED")).isEqualTo(1);
    }

    @Test
    void refusesOtherOrganisationsClientsAnonymousUsersAndRequestsWithoutCsrf() throws Exception {
        long alice = org.alice().userId();
        var answer = mvc.perform(post("/clients/{id}/view-as", alice)
                        .with(fixture.signedIn(other.owner()))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse();
        if (answer.getCookie("SESSION") != null) {
            mvc.perform(get("/portal").with(fixture.signedIn(other.owner())).cookie(answer.getCookie("SESSION")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/clients/{id}/view-as", alice)
                        .with(fixture.signedIn(org.bob()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/clients/{id}/view-as", alice).with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/clients/{id}/view-as", alice).with(fixture.signedIn(org.manager())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/clients/{id}/view-as", org.owner().userId())
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/view-as/stop").with(fixture.signedIn(org.alice())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/view-as/stop").with(csrf())).andExpect(redirectedUrl("/login"));
        assertThat(audit("VIEW_STARTED")).isZero();
    }

    long auditRows() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org")
                .param("org", org.id())
                .query(Long.class)
                .single();
    }

    long audit(String action) {
        return jdbc.sql("""
                        select count(*) from audit_event
                        where organisation_id = :org and subject_type = 'CLIENT' and subject_id = :id
                          and action = :action and actor_id = :actor
                        """)
                .param("org", org.id())
                .param("id", org.alice().userId())
                .param("action", action)
                .param("actor", org.manager().userId())
                .query(Long.class)
                .single();
    }
}
