package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Inviting clients from the console: from the list or when adding one, with each client's access shown;
 * only staff of the client's own organisation may, and only with a CSRF token.
 */
@IntegrationTest
@MovableTime
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsoleInvitationIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    SentLinks mail;

    @Autowired
    MovableClock clock;

    TestOrganisation org;
    TestOrganisation other;
    Client carol;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        carol = accounts.addClient(
                org.manager(), new NewClient("Carol New", "carol-" + org.id() + "@example.test", null, null, null));
    }

    @Test
    void invitesAClientFromTheListAndShowsWhoCanSignIn() throws Exception {
        var manager = fixture.signedIn(org.manager().email());
        mvc.perform(get("/clients").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not invited")))
                .andExpect(content().string(containsString("Active")))
                .andExpect(content().string(containsString("aria-label=\"Invite Carol New\"")));

        mvc.perform(post("/clients/{id}/invite", carol.id())
                        .header("Referer", "http://localhost/clients?q=carol")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients?q=carol"))
                .andExpect(flash().attribute("toast", "Invitation sent to " + carol.email() + "."));

        assertThat(mail.latestTo(carol.email())).isPresent();
        mvc.perform(get("/clients").param("q", "carol").with(manager))
                .andExpect(content().string(containsString("Invited")))
                .andExpect(content().string(containsString("Send invitation again")));
    }

    /**
     * "Send invitation again" e-mailed the client at each press, without end. Now once a minute and five a day
     * (decision 0084), each refusal said in the toast, and nothing sent.
     */
    @Test
    void sendsAClientAnInvitationAtMostOnceAMinuteAndFiveTimesADay() throws Exception {
        var manager = fixture.signedIn(org.manager().email());
        try {
            for (int sent = 1; sent <= 5; sent++) {
                mvc.perform(post("/clients/{id}/invite", carol.id())
                                .with(manager)
                                .with(csrf()))
                        .andExpect(flash().attribute("toastKind", "success"));
                assertThat(mail.countTo(carol.email())).isEqualTo(sent);
                if (sent == 1) {
                    mvc.perform(post("/clients/{id}/invite", carol.id())
                                    .with(manager)
                                    .with(csrf()))
                            .andExpect(redirectedUrl("/clients"))
                            .andExpect(flash().attribute("toastKind", "danger"))
                            .andExpect(flash().attribute("toast", containsString("less than a minute ago")));
                    assertThat(mail.countTo(carol.email())).isEqualTo(1);
                }
                clock.advance(Duration.ofMinutes(1));
            }
            mvc.perform(post("/clients/{id}/invite", carol.id()).with(manager).with(csrf()))
                    .andExpect(flash().attribute("toastKind", "danger"))
                    .andExpect(flash().attribute(
                                    "toast",
                                    containsString(
                                            "the most invitations allowed for now (5 a day): more would flood their"
                                                    + " inbox. Try again in about 5 hours")));
            mvc.perform(post("/clients/{id}/invite", carol.id())
                            .header("Accept-Language", "fr")
                            .with(manager)
                            .with(csrf()))
                    .andExpect(flash().attribute("toast", containsString("Réessayez dans environ 5 heures")));
            assertThat(mail.countTo(carol.email())).isEqualTo(5);

            clock.advance(Duration.ofHours(5));
            mvc.perform(post("/clients/{id}/invite", carol.id()).with(manager).with(csrf()))
                    .andExpect(flash().attribute("toastKind", "success"));
            assertThat(mail.countTo(carol.email())).isEqualTo(6);
        } finally {
            clock.reset();
        }
    }

    @Test
    void refusesToInviteAClientWhoHasAPasswordAlready() throws Exception {
        mvc.perform(post("/clients/{id}/invite", org.alice().userId())
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients"))
                .andExpect(flash().attribute("toastKind", "danger"))
                .andExpect(flash().attribute("toast", containsString("has already chosen a password")));

        assertThat(mail.latestTo(org.alice().email())).isEmpty();
    }

    @Test
    void invitesANewClientUnlessTheBoxIsCleared() throws Exception {
        var manager = fixture.signedIn(org.manager().email());
        mvc.perform(get("/clients/new").with(manager))
                .andExpect(content().string(containsString("Send an invitation e-mail")))
                .andExpect(content().string(containsString("checked=\"checked\"")));

        String dave = "dave-" + org.id() + "@example.test";
        mvc.perform(post("/clients")
                        .param("name", "Dave")
                        .param("email", dave)
                        .param("invite", "true")
                        .param("_invite", "on")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients"))
                .andExpect(flash().attribute("toast", "Client Dave added and invited by e-mail."));
        assertThat(mail.latestText(dave)).get().asString().contains("Hello Dave", "/password/set?token=");

        String erin = "erin-" + org.id() + "@example.test";
        mvc.perform(post("/clients")
                        .param("name", "Erin")
                        .param("email", erin)
                        .param("_invite", "on")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients"))
                .andExpect(flash().attribute("toast", "Client Erin added."));
        assertThat(mail.countTo(erin)).isZero();
    }

    @Test
    void refusesInvitationsFromAnotherOrganisationClientsAndAnonymousUsers() throws Exception {
        mvc.perform(post("/clients/{id}/invite", carol.id())
                        .with(fixture.signedIn(other.owner().email()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/clients/{id}/invite", carol.id())
                        .with(fixture.signedIn(other.manager().email()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/clients/{id}/invite", carol.id())
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/clients/{id}/invite", carol.id()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/clients/{id}/invite", carol.id())
                        .with(fixture.signedIn(org.manager().email())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/clients/{id}/invite", org.owner().userId())
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(mail.countTo(carol.email())).isZero();
        assertThat(mail.countTo(org.owner().email())).isZero();
        mvc.perform(get("/clients").with(fixture.signedIn(other.owner().email())))
                .andExpect(content().string(not(containsString(carol.email()))));
    }
}
