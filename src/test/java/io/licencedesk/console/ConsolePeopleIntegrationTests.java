package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.Person;
import io.licencedesk.accounts.Role;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Owners manage their organisation's staff on the People page: invite, change a role, disable and re-enable. A
 * disabled person's sessions and API tokens stop at once; the organisation keeps an enabled owner; every change is in
 * the audit log; managers, clients, other organisations and anonymous users are refused.
 */
@IntegrationTest
@MovableTime
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsolePeopleIntegrationTests {

    static final String CHOSEN = "granite kettle lighthouse";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    PasswordManagement passwords;

    @Autowired
    SentLinks mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    MovableClock clock;

    TestOrganisation org;
    TestOrganisation other;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
    }

    @Test
    void listsTheStaffAndInvitesAnAccountManagerWhoChoosesAPasswordAndSignsIn() throws Exception {
        var owner = fixture.signedIn(org.owner());
        mvc.perform(get("/people").with(owner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(org.owner().email())))
                .andExpect(content().string(containsString(org.manager().email())))
                .andExpect(content().string(not(containsString(org.alice().email()))))
                .andExpect(content().string(not(containsString(other.owner().email()))))
                .andExpect(content().string(containsString("You are the only enabled owner")));

        String dana = "dana-" + org.id() + "@example.test";
        mvc.perform(post("/people")
                        .param("name", "Dana Manager")
                        .param("email", " Dana-" + org.id() + "@Example.test ")
                        .param("role", "MANAGER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toast", containsString("Dana Manager is invited")));
        assertThat(mail.latestText(dana))
                .get()
                .asString()
                .contains("Hello Dana Manager", "as an account manager", "/password/set?token=");
        mvc.perform(get("/people").with(owner))
                .andExpect(content().string(containsString("Invited")))
                .andExpect(content().string(not(containsString("Invitation expired"))));
        assertThat(audit(org.owner(), "USER", "INVITED")).isEqualTo(1);

        passwords.setPassword(mail.tokenTo(dana), CHOSEN);
        mvc.perform(signIn(dana, CHOSEN)).andExpect(authenticated().withRoles("MANAGER"));
        mvc.perform(get("/licences").with(fixture.signedIn(dana))).andExpect(status().isOk());
        mvc.perform(get("/people").with(fixture.signedIn(dana))).andExpect(status().isForbidden());
    }

    /**
     * Disabling an invited colleague voids their link, and enabling them gives none back: the page said "Invited" of
     * them, whose link said only that it had expired, so nobody knew to send it again (decision 0179).
     */
    @Test
    void anInvitationVoidedByDisablingIsShownAsNoLongerWorking() throws Exception {
        Person dana = people.invite(org.owner(), "Dana Void", "dana-void-" + org.id() + "@example.test", Role.MANAGER);
        people.disable(org.owner(), dana.id());
        people.enable(org.owner(), dana.id());
        var owner = fixture.signedIn(org.owner());

        mvc.perform(get("/people").with(owner)).andExpect(content().string(containsString("Invitation expired")));

        people.resendInvitation(org.owner(), dana.id());
        mvc.perform(get("/people").with(owner)).andExpect(content().string(not(containsString("Invitation expired"))));
    }

    /** The page said "Invited" of a person whose link had expired, so nobody knew to send it again. */
    @Test
    void saysWhenAStaffInvitationHasExpired() throws Exception {
        var owner = fixture.signedIn(org.owner());
        mvc.perform(post("/people")
                        .param("name", "Erin Late")
                        .param("email", "erin-" + org.id() + "@example.test")
                        .param("role", "MANAGER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"));
        clock.advance(Duration.ofHours(73));
        try {
            mvc.perform(get("/people").with(owner)).andExpect(content().string(containsString("Invitation expired")));
            mvc.perform(get("/people?lang=fr").with(owner))
                    .andExpect(content().string(containsString("Invitation expirée")));

            mvc.perform(post("/people/{id}/invite", staffId("erin-" + org.id() + "@example.test"))
                            .with(owner)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/people"));
            mvc.perform(get("/people").with(owner))
                    .andExpect(content().string(not(containsString("Invitation expired"))));
        } finally {
            clock.reset();
        }
    }

    @Test
    void refusesBadInvitationsAndChangesNothing() throws Exception {
        var owner = fixture.signedIn(org.owner());
        long before = staffCount();
        mvc.perform(invite(owner, " ", "x-" + org.id() + "@example.test", "MANAGER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name.")));
        mvc.perform(invite(owner, "X", "not an address", "MANAGER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an e-mail address such as")));
        // No domain after the @: no mail server delivers it, and the clients' and settings' forms refuse it too.
        mvc.perform(invite(owner, "X", "x-" + org.id() + "@example", "MANAGER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an e-mail address such as")));
        mvc.perform(invite(owner, "X", "x-" + org.id() + "@example.test", "CLIENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose Owner or Account manager.")));
        // One of the organisation's clients is named as one (decision 0179): "of your organisation" alone did not say
        // why they could not be staff.
        mvc.perform(invite(owner, "X", org.alice().email(), "OWNER"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(org.alice().name()
                                + " is one of your clients and signs in to the portal with this address. A client"
                                + " cannot also be on your staff")));
        mvc.perform(post("/people?lang=fr")
                        .param("name", "X")
                        .param("email", org.alice().email())
                        .param("role", "OWNER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(content()
                        .string(containsString(org.alice().name()
                                + " fait partie de vos clients et se connecte au portail avec cette adresse.")));
        mvc.perform(invite(owner, "X", org.manager().email(), "OWNER"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                org.manager().name() + ", of your organisation, already signs in with this address.")));
        // An address of another organisation is refused (an address signs in to one), and nothing of its account said.
        mvc.perform(invite(owner, "X", other.alice().email(), "OWNER"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("This address already has a LicenceDesk account, and an address has"
                                + " only one. Ask the person for another address.")))
                .andExpect(content().string(not(containsString(other.alice().name()))));
        mvc.perform(invite(owner, "X".repeat(201), "x-" + org.id() + "@example.test", "OWNER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep the name to 200 characters.")));
        assertThat(staffCount()).isEqualTo(before);
        assertThat(mail.countTo("x-" + org.id() + "@example.test")).isZero();
        assertThat(mail.countTo("x-" + org.id() + "@example")).isZero();
    }

    @Test
    void showsAMessageTwoRulesShareOnceUnderTheField() throws Exception {
        String tooLong = "x".repeat(5000) + "@example.test";
        for (String language : java.util.List.of("en-GB", "fr")) {
            String html = mvc.perform(post("/people")
                            .param("name", "X")
                            .param("email", tooLong)
                            .param("role", "MANAGER")
                            .header("Accept-Language", language)
                            .with(fixture.signedIn(org.owner()))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var error = Jsoup.parse(html).getElementById("invite-email-error");
            assertThat(error.select("br")).as(language).isEmpty();
            assertThat(error.text())
                    .as(language)
                    .isIn(
                            "Enter an e-mail address such as name@example.com.",
                            "Saisissez une adresse e-mail comme nom@exemple.fr.");
        }
    }

    @Test
    void disablingEndsTheSessionsAndStopsTheTokensAtOnceAndEnablingLetsThemBackIn() throws Exception {
        Cookie laptop = signInCookie(org.manager().email());
        String token = fixture.token(org.manager());
        mvc.perform(get("/licences").cookie(laptop)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/licences").with(TestFixture.bearer(token))).andExpect(status().isOk());

        mvc.perform(post("/people/{id}/disable", org.manager().userId())
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toast", containsString("is disabled")));

        mvc.perform(get("/licences").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/licences").with(TestFixture.bearer(token))).andExpect(status().isUnauthorized());
        mvc.perform(signIn(org.manager().email(), TestOrganisation.PASSWORD)).andExpect(unauthenticated());
        assertThat(people.me(org.manager()).enabled()).isFalse();
        mvc.perform(get("/people").with(fixture.signedIn(org.owner())))
                .andExpect(content().string(containsString("Disabled")));

        mvc.perform(post("/people/{id}/enable", org.manager().userId())
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toast", containsString("can sign in again")));
        mvc.perform(signIn(org.manager().email(), TestOrganisation.PASSWORD)).andExpect(authenticated());
        assertThat(audit(org.owner(), "USER", "DISABLED")).isEqualTo(1);
        assertThat(audit(org.owner(), "USER", "ENABLED")).isEqualTo(1);
    }

    @Test
    void changesARoleAndEndsTheSessionsThatHeldTheOldOne() throws Exception {
        Cookie laptop = signInCookie(org.manager().email());
        mvc.perform(post("/people/{id}/role", org.manager().userId())
                        .param("role", "OWNER")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toast", containsString("is now Owner")));
        assertThat(people.me(org.manager()).role()).isEqualTo(Role.OWNER);
        mvc.perform(get("/licences").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/people").with(fixture.signedIn(org.manager()))).andExpect(status().isOk());
        assertThat(audit(org.owner(), "USER", "ROLE_CHANGED")).isEqualTo(1);

        mvc.perform(post("/people/{id}/role", org.manager().userId())
                        .param("role", "CLIENT")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toastKind", "danger"))
                .andExpect(flash().attribute("toast", "Choose Owner or Account manager."));
        assertThat(people.me(org.manager()).role()).isEqualTo(Role.OWNER);
    }

    @Test
    void changingARoleToTheOneHeldSaysNothingChangedAndKeepsTheSessions() throws Exception {
        Cookie laptop = signInCookie(org.manager().email());
        mvc.perform(post("/people/{id}/role", org.manager().userId())
                        .param("role", "MANAGER")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toastKind", "success"))
                .andExpect(flash().attribute(
                                "toast",
                                "The role of " + org.manager().name()
                                        + " is already Account manager: nothing changed."));
        assertThat(people.me(org.manager()).role()).isEqualTo(Role.MANAGER);
        mvc.perform(get("/licences").cookie(laptop)).andExpect(status().isOk());
        assertThat(audit(org.owner(), "USER", "ROLE_CHANGED")).isZero();
    }

    /**
     * "They sign in again to use it" was said of a colleague who had never signed in (invited, no password yet) and of
     * one who cannot sign in (disabled): each is told what is true of them, in English and in French.
     */
    @Test
    void aRoleChangeSaysWhatIsTrueOfSomeoneInvitedOrDisabled() throws Exception {
        var owner = fixture.signedIn(org.owner());
        String dana = "dana-" + org.id() + "@example.test";
        mvc.perform(invite(owner, "Dana Manager", dana, "MANAGER")).andExpect(redirectedUrl("/people"));
        long danaId = people.staff(org.owner()).stream()
                .filter(person -> person.email().equals(dana))
                .findFirst()
                .orElseThrow()
                .id();

        mvc.perform(changeRole(owner, danaId, "OWNER"))
                .andExpect(flash().attribute(
                                "toast",
                                "The role of Dana Manager is now Owner. They have not accepted their invitation yet:"
                                        + " they have this role from their first sign-in. “Invite again” sends them an"
                                        + " e-mail that names it."));
        mvc.perform(changeRole(owner, danaId, "MANAGER").header("Accept-Language", "fr"))
                .andExpect(flash().attribute(
                                "toast",
                                "Dana Manager a désormais le rôle «\u00a0Chargé de compte\u00a0». Cette personne n’a pas encore"
                                        + " accepté son invitation\u00a0: elle aura ce rôle dès sa première connexion."
                                        + " «\u00a0Inviter de nouveau\u00a0» lui envoie un e-mail qui le mentionne."));

        mvc.perform(post("/people/{id}/disable", org.manager().userId())
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"));
        String manager = org.manager().name();
        mvc.perform(changeRole(owner, org.manager().userId(), "OWNER"))
                .andExpect(flash().attribute(
                                "toast",
                                "The role of " + manager + " is now Owner. They are disabled: they have this role if"
                                        + " they are enabled again."));
        mvc.perform(changeRole(owner, org.manager().userId(), "MANAGER").header("Accept-Language", "fr"))
                .andExpect(flash().attribute(
                                "toast",
                                manager + " a désormais le rôle «\u00a0Chargé de compte\u00a0». Cette personne est"
                                        + " désactivée\u00a0: elle aura ce rôle si elle est réactivée."));
        assertThat(people.me(org.manager()).role()).isEqualTo(Role.MANAGER);

        mvc.perform(post("/people/{id}/enable", org.manager().userId())
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/people"));
        mvc.perform(changeRole(owner, org.manager().userId(), "OWNER"))
                .andExpect(flash().attribute(
                                "toast", "The role of " + manager + " is now Owner. They sign in again to use it."));
    }

    /**
     * An owner who made themselves an account manager, or disabled themselves, ended their own session with the change
     * (decision 0055) and landed on a bare sign-in page: the change's message was lost with the session. The sign-in
     * page says why, in English and in French.
     */
    @Test
    void anOwnerWhoChangesTheirOwnRoleOrDisablesThemselvesIsToldWhyTheyAreSignedOut() throws Exception {
        var owner = fixture.signedIn(org.owner());
        mvc.perform(changeRole(owner, org.manager().userId(), "OWNER")).andExpect(redirectedUrl("/people"));
        Cookie laptop = signInCookie(org.owner().email());

        mvc.perform(changeRole(owner, org.owner().userId(), "MANAGER")).andExpect(redirectedUrl("/login?roleChanged"));
        assertThat(people.me(org.owner()).role()).isEqualTo(Role.MANAGER);
        mvc.perform(get("/licences").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login?roleChanged"))
                .andExpect(content()
                        .string(containsString(
                                "Your role has changed, which signed you out everywhere. Sign in again to work with"
                                        + " it.")));
        mvc.perform(get("/login?roleChanged").header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Votre rôle a changé, ce qui vous a déconnecté partout.")));

        var manager = fixture.signedIn(org.manager());
        mvc.perform(changeRole(manager, org.manager().userId(), "OWNER"))
                .andExpect(flash().attribute("toast", containsString("is already Owner")));
        mvc.perform(post("/people/{id}/disable", org.manager().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("toastKind", "danger"));
        mvc.perform(changeRole(manager, org.owner().userId(), "OWNER")).andExpect(redirectedUrl("/people"));
        mvc.perform(post("/people/{id}/disable", org.manager().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?disabled=staff"));
        assertThat(people.staff(org.owner()).stream()
                        .filter(person -> person.id() == org.manager().userId())
                        .findFirst()
                        .orElseThrow()
                        .enabled())
                .isFalse();
        mvc.perform(get("/login?disabled=staff"))
                .andExpect(content().string(containsString("This account is disabled.")));
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder changeRole(
            org.springframework.test.web.servlet.request.RequestPostProcessor who, long id, String role) {
        return post("/people/{id}/role", id).param("role", role).with(who).with(csrf());
    }

    @Test
    void theLastEnabledOwnerCanNeitherStepDownNorBeDisabled() throws Exception {
        var owner = fixture.signedIn(org.owner());
        mvc.perform(post("/people/{id}/disable", org.owner().userId())
                        .with(owner)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"))
                .andExpect(flash().attribute("toast", containsString("The organisation needs an enabled owner")));
        mvc.perform(post("/people/{id}/role", org.owner().userId())
                        .param("role", "MANAGER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"));
        Person me = people.me(org.owner());
        assertThat(me.enabled()).isTrue();
        assertThat(me.role()).isEqualTo(Role.OWNER);

        // With a second owner, the first may step down (and signs in again as an account manager).
        people.changeRole(org.owner(), org.manager().userId(), Role.OWNER);
        mvc.perform(get("/people").with(owner))
                .andExpect(content().string(not(containsString("You are the only enabled owner"))));
        mvc.perform(post("/people/{id}/role", org.owner().userId())
                        .param("role", "MANAGER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "success"));
        assertThat(people.me(org.owner()).role()).isEqualTo(Role.MANAGER);
        // The new sole owner is now the last one.
        Caller second = new Caller(
                org.manager().userId(),
                org.id(),
                Role.OWNER,
                org.manager().email(),
                org.manager().name());
        mvc.perform(post("/people/{id}/disable", second.userId())
                        .with(fixture.signedIn(second.email()))
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"));
        assertThat(people.me(second).enabled()).isTrue();
    }

    /**
     * The role a session holds is the one it signed in with, and the sessions of an owner demoted or disabled end only
     * once that change commits: a request of theirs already past the sign-in check acted as an owner still, and could
     * make them an owner again (decision 0179). The façade reads the caller's role and access under the lock.
     */
    @Test
    void anOwnerDemotedOrDisabledMeanwhileCanNoLongerManagePeople() {
        people.changeRole(org.owner(), org.manager().userId(), Role.OWNER);
        Caller stale = new Caller(
                org.manager().userId(),
                org.id(),
                Role.OWNER,
                org.manager().email(),
                org.manager().name());
        people.changeRole(org.owner(), stale.userId(), Role.MANAGER);

        assertThatThrownBy(() -> people.changeRole(stale, stale.userId(), Role.OWNER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.invite(stale, "Eve", "eve-" + org.id() + "@example.test", Role.OWNER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(people.me(stale).role()).isEqualTo(Role.MANAGER);
        assertThat(people.staff(org.owner())).hasSize(2);

        people.changeRole(org.owner(), stale.userId(), Role.OWNER);
        people.disable(org.owner(), stale.userId());
        assertThatThrownBy(() -> people.enable(stale, stale.userId())).isInstanceOf(AccessDeniedException.class);
        assertThat(people.me(stale).enabled()).isFalse();
    }

    /** The same of a member of staff disabled meanwhile: a client's access and viewing as them are refused. */
    @Test
    void aManagerDisabledMeanwhileCanNoLongerChangeAClientsAccessOrViewAsThem() {
        Caller stale = org.manager();
        people.disable(org.owner(), stale.userId());

        assertThatThrownBy(() -> people.disableClient(stale, org.alice().userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.startViewing(stale, org.alice().userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.sendPasswordReset(stale, org.alice().userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(people.client(org.owner(), org.alice().userId()).enabled()).isTrue();
    }

    /**
     * The same while the owner's disable has not committed yet: the manager's change read their row as it was before
     * the disable (enabled) and went through beside it. It waits for the disable now, then is refused.
     */
    @Test
    void aManagersChangeMadeWhileTheirDisableCommitsWaitsForItAndIsRefused() throws Exception {
        Caller manager = org.manager();
        var disabled = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var disable = java.util.concurrent.CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> {
                        people.disable(org.owner(), manager.userId());
                        disabled.countDown();
                        try {
                            commit.await();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }),
                    threads);
            while (!disabled.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (disable.isDone()) {
                    disable.get();
                }
            }
            var change = java.util.concurrent.CompletableFuture.runAsync(
                    () -> people.disableClient(manager, org.alice().userId()), threads);
            boolean waited = false;
            while (!change.isDone() && !(waited = aSessionWaitsForALock())) {
                Thread.sleep(5);
            }
            commit.countDown();
            disable.get();

            assertThat(waited).as("the manager's change waited for the disable").isTrue();
            assertThatThrownBy(change::get).hasCauseInstanceOf(AccessDeniedException.class);
            assertThat(people.client(org.owner(), org.alice().userId()).enabled())
                    .isTrue();
        } finally {
            commit.countDown();
            threads.shutdown();
        }
    }

    /** Whether a database session is waiting for another's lock (H2's sessions table). */
    private boolean aSessionWaitsForALock() {
        return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * An owner invited but not yet in (perhaps at a mistyped address) cannot sign in to run the organisation: the
     * only owner who can was allowed to step down or leave, and nobody could manage the organisation any more.
     */
    @Test
    void anInvitedOwnerWithoutAPasswordDoesNotLetTheLastOwnerStepDownOrLeave() throws Exception {
        var owner = fixture.signedIn(org.owner());
        Person invited = people.invite(org.owner(), "Typo", "typo-" + org.id() + "@example.test", Role.OWNER);
        mvc.perform(get("/people").with(owner))
                .andExpect(content().string(containsString("You are the only enabled owner")));
        mvc.perform(post("/people/{id}/role", org.owner().userId())
                        .param("role", "MANAGER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"))
                .andExpect(flash().attribute("toast", containsString("The organisation needs an enabled owner")));
        mvc.perform(post("/people/{id}/disable", org.owner().userId())
                        .with(owner)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"));
        Person me = people.me(org.owner());
        assertThat(me.enabled()).isTrue();
        assertThat(me.role()).isEqualTo(Role.OWNER);

        // The invited owner themselves may still be disabled or made an account manager.
        mvc.perform(post("/people/{id}/role", invited.id())
                        .param("role", "MANAGER")
                        .with(owner)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "success"));
        mvc.perform(post("/people/{id}/disable", invited.id()).with(owner).with(csrf()))
                .andExpect(flash().attribute("toastKind", "success"));
        // The audit log says the role and the access in words, not "MANAGER" and "false".
        mvc.perform(get("/audit").with(owner))
                .andExpect(content().string(containsString(">Owner</del>")))
                .andExpect(content().string(containsString(">Account manager</ins>")))
                .andExpect(content().string(containsString(">No</ins>")))
                .andExpect(content().string(not(containsString(">MANAGER</ins>"))))
                .andExpect(content().string(not(containsString(">false</ins>"))));
    }

    /**
     * An invitation's link lasts 72 hours and inviting the address again is refused as taken: without a new
     * invitation from their row, a colleague who missed the first stayed locked out.
     */
    @Test
    void sendsAnInvitedColleagueANewInvitationUntilTheyChooseAPassword() throws Exception {
        var owner = fixture.signedIn(org.owner());
        String dana = "dana-" + org.id() + "@example.test";
        mvc.perform(invite(owner, "Dana Manager", dana, "MANAGER")).andExpect(redirectedUrl("/people"));
        long danaId = people.staff(org.owner()).stream()
                .filter(person -> person.email().equals(dana))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(invite(owner, "Dana Again", dana.toUpperCase(java.util.Locale.ROOT), "MANAGER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dana Manager is invited with this address already")));
        mvc.perform(get("/people").with(owner))
                .andExpect(content().string(containsString("Invite again: Dana Manager")))
                .andExpect(content()
                        .string(not(
                                containsString("Invite again: " + org.manager().name()))));

        mvc.perform(post("/people/{id}/invite", danaId).with(owner).with(csrf()))
                .andExpect(redirectedUrl("/people"))
                .andExpect(flash().attribute("toast", containsString("Dana Manager is invited again")));
        assertThat(mail.countTo(dana)).isEqualTo(2);
        assertThat(mail.latestText(dana)).get().asString().contains("as an account manager", "/password/set?token=");
        assertThat(audit(org.owner(), "USER", "INVITED")).isEqualTo(2);

        mvc.perform(post("/people/{id}/invite", danaId).with(owner).with(csrf()))
                .andExpect(flash().attribute("toast", containsString("less than a minute ago")));
        assertThat(mail.countTo(dana)).isEqualTo(2);

        passwords.setPassword(mail.tokenTo(dana), CHOSEN);
        mvc.perform(signIn(dana, CHOSEN)).andExpect(authenticated().withRoles("MANAGER"));
        mvc.perform(post("/people/{id}/invite", danaId).with(owner).with(csrf()))
                .andExpect(flash().attribute("toast", containsString("has chosen a password already")));
        mvc.perform(get("/people").with(owner))
                .andExpect(content().string(not(containsString("Invite again: Dana Manager"))));
        assertThat(mail.countTo(dana)).isEqualTo(2);
    }

    /** Each "Invite again" e-mailed the colleague; once a minute still let 1,440 through a day (decision 0084). */
    @Test
    void sendsAnInvitedColleagueAtMostFiveInvitationsAgainADay() throws Exception {
        var owner = fixture.signedIn(org.owner());
        String erin = "erin-" + org.id() + "@example.test";
        mvc.perform(invite(owner, "Erin Manager", erin, "MANAGER")).andExpect(redirectedUrl("/people"));
        long erinId = people.staff(org.owner()).stream()
                .filter(person -> person.email().equals(erin))
                .findFirst()
                .orElseThrow()
                .id();
        try {
            for (int again = 1; again <= 5; again++) {
                mvc.perform(post("/people/{id}/invite", erinId).with(owner).with(csrf()))
                        .andExpect(flash().attribute("toastKind", "success"));
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(mail.countTo(erin)).isEqualTo(6);
            mvc.perform(post("/people/{id}/invite", erinId).with(owner).with(csrf()))
                    .andExpect(redirectedUrl("/people"))
                    .andExpect(flash().attribute("toastKind", "danger"))
                    .andExpect(flash().attribute("toast", containsString("(5 a day)")));
            assertThat(mail.countTo(erin)).isEqualTo(6);
            assertThat(audit(org.owner(), "USER", "INVITED")).isEqualTo(6);
        } finally {
            clock.reset();
        }
    }

    @Test
    void refusesManagersClientsOtherOrganisationsAnonymousUsersAndRequestsWithoutCsrf() throws Exception {
        long target = org.manager().userId();
        for (String path :
                new String[] {"/people/%d/disable", "/people/%d/enable", "/people/%d/role", "/people/%d/invite"}) {
            String url = path.formatted(target);
            mvc.perform(post(url)
                            .param("role", "OWNER")
                            .with(fixture.signedIn(org.manager()))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url)
                            .param("role", "OWNER")
                            .with(fixture.signedIn(org.alice()))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url)
                            .param("role", "OWNER")
                            .with(fixture.signedIn(other.owner()))
                            .with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post(url).param("role", "OWNER").with(csrf())).andExpect(redirectedUrl("/login"));
            mvc.perform(post(url).param("role", "OWNER").with(fixture.signedIn(org.owner())))
                    .andExpect(status().isForbidden());
        }
        // A client is not one of the staff: the People page does not find them.
        mvc.perform(post("/people/{id}/disable", org.alice().userId())
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people").with(fixture.signedIn(org.manager()))).andExpect(status().isForbidden());
        mvc.perform(get("/people").with(fixture.signedIn(org.alice()))).andExpect(status().isForbidden());
        mvc.perform(get("/people")).andExpect(redirectedUrl("/login"));
        mvc.perform(invite(fixture.signedIn(org.manager()), "M", "m-" + org.id() + "@example.test", "OWNER"))
                .andExpect(status().isForbidden());
        mvc.perform(invite(fixture.signedIn(org.alice()), "M", "m-" + org.id() + "@example.test", "OWNER"))
                .andExpect(status().isForbidden());

        Person manager = people.me(org.manager());
        assertThat(manager.enabled()).isTrue();
        assertThat(manager.role()).isEqualTo(Role.MANAGER);
        assertThat(people.me(org.alice()).enabled()).isTrue();
        assertThat(mail.countTo("m-" + org.id() + "@example.test")).isZero();
    }

    RequestBuilder invite(
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            String name,
            String email,
            String role) {
        return post("/people")
                .param("name", name)
                .param("email", email)
                .param("role", role)
                .with(who)
                .with(csrf());
    }

    static RequestBuilder signIn(String email, String password) {
        return formLogin().userParameter("email").user(email).password(password);
    }

    Cookie signInCookie(String email) throws Exception {
        return mvc.perform(signIn(email, TestOrganisation.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    long staffId(String email) {
        return jdbc.sql("select id from app_user where organisation_id = :id and email = :email")
                .param("id", org.id())
                .param("email", email)
                .query(Long.class)
                .single();
    }

    long staffCount() {
        return jdbc.sql("select count(*) from app_user where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }

    long audit(Caller actor, String subject, String action) {
        return jdbc.sql("""
                        select count(*) from audit_event
                        where organisation_id = :org and actor_id = :actor and subject_type = :subject
                          and action = :action
                        """)
                .param("org", actor.organisationId())
                .param("actor", actor.userId())
                .param("subject", subject)
                .param("action", action)
                .query(Long.class)
                .single();
    }
}
