package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
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

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A client's page in the console (billing details, portal access, licences with their screens, invoices, history), and
 * what staff do to a client's access there: disable and re-enable it (sessions and tokens stop at once), and e-mail a
 * password link. Other organisations, clients and anonymous users are refused.
 */
@IntegrationTest
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsoleClientDetailsIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestLicences testLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PasswordManagement passwords;

    @Autowired
    People people;

    @Autowired
    SentLinks mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    TestOrganisation other;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
    }

    @Test
    void showsBillingDetailsAccessLicencesWithScreensInvoicesAndHistory() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.alice().userId(),
                new NewClient(org.alice().name(), org.alice().email(), "Alice Co", "1 Harbour Road\nBristol", "GB123"));
        Plan plan = fixture.monthlyPlan(org);
        long lobby = testLicences.activated(org.owner(), plan, org.alice().userId(), "Lobby", testLicences.today());
        testLicences.activated(org.owner(), plan, org.bob().userId(), "Bob's own", testLicences.today());
        screens.register(org.alice(), lobby, "Lobby screen");
        String number =
                invoicing.send(org.manager(), List.of(lobby)).issued().get(0).number();

        mvc.perform(get("/clients/{id}", org.alice().userId()).with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 Harbour Road")))
                .andExpect(content().string(containsString("GB123")))
                .andExpect(content().string(containsString("Active")))
                .andExpect(content().string(containsString("Lobby screen")))
                .andExpect(content().string(containsString("1 of 1 registered")))
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("Edited")))
                .andExpect(content().string(not(containsString("Bob&#39;s own"))))
                .andExpect(content().string(containsString("Send password link")));
        mvc.perform(get("/clients").with(fixture.signedIn(org.manager())))
                .andExpect(content()
                        .string(containsString("href=\"/clients/" + org.alice().userId() + "\"")));
        mvc.perform(get("/licences/{id}", lobby).with(fixture.signedIn(org.manager())))
                .andExpect(content()
                        .string(containsString("<a id=\"licence-client\" href=\"/clients/"
                                + org.alice().userId() + "\"")));
    }

    /**
     * The history showed only changes to the client's own record ("Nothing recorded yet" for a client whose licences
     * had been activated, paused and invoiced). It now lists what happened to their account, licences and invoices,
     * each naming and linking its object, and nothing of another client's.
     */
    @Test
    void theHistoryListsWhatHappenedToTheClientsLicencesAndInvoicesLinkedToThem() throws Exception {
        Plan plan = fixture.monthlyPlan(org);
        long lobby = testLicences.activated(org.owner(), plan, org.alice().userId(), "Lobby", testLicences.today());
        long bobs = testLicences.activated(org.owner(), plan, org.bob().userId(), "Bob's own", testLicences.today());
        licences.pause(org.manager(), lobby);
        licences.pause(org.manager(), bobs);
        var invoice = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);

        Document page = Jsoup.parse(
                mvc.perform(get("/clients/{id}", org.alice().userId()).with(fixture.signedIn(org.manager())))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        var rows = page.select("section[aria-labelledby=history-title] tbody tr");
        assertThat(rows.eachText())
                .anySatisfy(row -> assertThat(row).contains(invoice.number()).contains("Issued"));
        assertThat(rows.select("a[href=/invoices/" + invoice.id() + "]")).isNotEmpty();
        assertThat(rows.select("a[href=/licences/" + lobby + "]")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.eachText())
                .anySatisfy(row -> assertThat(row).contains("Lobby").contains("Paused"));
        assertThat(rows.select("a[href=/licences/" + bobs + "]")).isEmpty();
        assertThat(rows.text()).doesNotContain("Bob's own");
    }

    @Test
    void disablingAClientEndsTheirSessionsAndTokensAndEnablingLetsThemBackIn() throws Exception {
        Cookie laptop = signInCookie(org.alice().email());
        String token = fixture.token(org.alice());
        mvc.perform(get("/portal").cookie(laptop)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/portal/licences").with(TestFixture.bearer(token)))
                .andExpect(status().isOk());

        mvc.perform(post("/clients/{id}/disable", org.alice().userId())
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients/" + org.alice().userId()))
                .andExpect(flash().attribute("toast", containsString("is disabled")));

        mvc.perform(get("/portal").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/portal/licences").with(TestFixture.bearer(token)))
                .andExpect(status().isUnauthorized());
        mvc.perform(signIn(org.alice().email())).andExpect(unauthenticated());
        mvc.perform(get("/clients").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("Disabled")));
        mvc.perform(post("/clients/{id}/password-reset", org.alice().userId())
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"));
        passwords.requestReset(org.alice().email());
        assertThat(mail.countTo(org.alice().email())).isZero();

        mvc.perform(post("/clients/{id}/enable", org.alice().userId())
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", containsString("can sign in to the portal again")));
        mvc.perform(signIn(org.alice().email())).andExpect(authenticated());
        assertThat(audit("DISABLED")).isEqualTo(1);
        assertThat(audit("ENABLED")).isEqualTo(1);
    }

    @Test
    void sendsAPasswordLinkOnlyToAClientWhoHasAPasswordAndAtMostOnceAMinute() throws Exception {
        var manager = fixture.signedIn(org.manager());
        mvc.perform(post("/clients/{id}/password-reset", org.alice().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "success"))
                .andExpect(flash().attribute("toast", containsString(org.alice().email())));
        assertThat(mail.latestText(org.alice().email()))
                .get()
                .asString()
                .contains("has sent you a link to choose a new password", "/password/set?token=");
        passwords.setPassword(mail.tokenTo(org.alice().email()), "granite kettle lighthouse");
        assertThat(audit("RESET_SENT")).isEqualTo(1);

        mvc.perform(post("/clients/{id}/password-reset", org.alice().userId())
                        .with(manager)
                        .with(csrf()))
                .andExpect(flash().attribute("toastKind", "danger"))
                .andExpect(flash().attribute("toast", containsString("less than a minute ago")));

        Client carol = accounts.addClient(
                org.manager(), new NewClient("Carol", "carol-" + org.id() + "@example.test", null, null, null));
        mvc.perform(post("/clients/{id}/password-reset", carol.id())
                        .with(manager)
                        .with(csrf()))
                .andExpect(flash().attribute("toast", containsString("send them an invitation instead")));
        assertThat(mail.countTo(carol.email())).isZero();
    }

    /**
     * A client not yet invited, or whose invitation is pending or expired, is invited from their page, as from the
     * client list: the page said "Not invited" and offered only to disable their access.
     */
    @Test
    void invitesAClientWhoHasNoPasswordYetFromTheirPage() throws Exception {
        var manager = fixture.signedIn(org.manager());
        Client carol = accounts.addClient(
                org.manager(), new NewClient("Carol", "carol-" + org.id() + "@example.test", null, null, null));
        String page = "/clients/" + carol.id();

        assertThat(inviteButton(page)).isEqualTo("Invite");
        mvc.perform(post(page + "/invite").header("Referer", page).with(manager).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("toastKind", "success"));
        assertThat(mail.latestText(carol.email())).get().asString().contains("/password/set?token=");
        assertThat(inviteButton(page)).isEqualTo("Send invitation again");

        // Who can sign in already gets a password link instead, and a disabled client neither.
        assertThat(inviteButton("/clients/" + org.alice().userId())).isNull();
        people.disableClient(org.manager(), carol.id());
        assertThat(inviteButton(page)).isNull();
    }

    /** The text of the client page's invitation button, or null when it has none. */
    private String inviteButton(String page) throws Exception {
        var button = Jsoup.parse(mvc.perform(get(page).with(fixture.signedIn(org.manager())))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .selectFirst("form[action$=/invite] button");
        return button == null ? null : button.text();
    }

    @Test
    void refusesOtherOrganisationsClientsAnonymousUsersAndRequestsWithoutCsrf() throws Exception {
        long alice = org.alice().userId();
        mvc.perform(get("/clients/{id}", alice).with(fixture.signedIn(other.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/clients/{id}", alice).with(fixture.signedIn(org.bob())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/clients/{id}", alice)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/clients/{id}", org.manager().userId()).with(fixture.signedIn(org.owner())))
                .andExpect(status().isNotFound());
        for (String action : new String[] {"disable", "enable", "password-reset"}) {
            String url = "/clients/" + alice + "/" + action;
            mvc.perform(post(url).with(fixture.signedIn(other.manager())).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post(url).with(fixture.signedIn(org.bob())).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url).with(fixture.signedIn(org.alice())).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url).with(csrf())).andExpect(redirectedUrl("/login"));
            mvc.perform(post(url).with(fixture.signedIn(org.manager()))).andExpect(status().isForbidden());
        }
        // Staff are not clients: this door does not disable a colleague.
        mvc.perform(post("/clients/{id}/disable", org.owner().userId())
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(people.client(org.manager(), alice).enabled()).isTrue();
        assertThat(people.me(org.owner()).enabled()).isTrue();
        assertThat(mail.countTo(org.alice().email())).isZero();
    }

    static org.springframework.test.web.servlet.RequestBuilder signIn(String email) {
        return formLogin().userParameter("email").user(email).password(TestOrganisation.PASSWORD);
    }

    Cookie signInCookie(String email) throws Exception {
        return mvc.perform(signIn(email)).andReturn().getResponse().getCookie("SESSION");
    }

    long audit(String action) {
        return jdbc.sql("""
                        select count(*) from audit_event
                        where organisation_id = :org and subject_type = 'CLIENT' and subject_id = :id
                          and action = :action
                        """)
                .param("org", org.id())
                .param("id", org.alice().userId())
                .param("action", action)
                .query(Long.class)
                .single();
    }
}
