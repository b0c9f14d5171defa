package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every console page and action refuses anonymous users, clients, and staff of another organisation,
 * and forged posts without a CSRF token; nothing changes when refused.
 */
@IntegrationTest
class ConsoleAccessIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    RenewalPreferences renewals;

    @Autowired
    PaymentDetails payments;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    TestOrganisation org;
    TestOrganisation other;
    Plan plan;
    LicenceDetails licence;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        plan = fixture.monthlyPlan(org);
        licence = licences.create(
                org.manager(),
                new NewLicence(
                        plan.id(),
                        "Secret lobby",
                        "private note",
                        3,
                        org.alice().userId()));
    }

    List<MockHttpServletRequestBuilder> pages() {
        return List.of(
                get("/licences"),
                get("/licences/new"),
                get("/licences/{id}", licence.id()),
                get("/licences/{id}/edit", licence.id()),
                get("/clients"),
                get("/clients/new"),
                get("/clients/options").param("q", "alice"),
                get("/plans"),
                get("/plans/new"),
                get("/plans/{id}/edit", plan.id()),
                get("/licences/export.csv"),
                get("/licences/export.csv").param("selection", "true"),
                get("/invoices/export.csv"),
                get("/clients/export.csv"),
                get("/audit"),
                get("/audit/export.csv"));
    }

    List<MockHttpServletRequestBuilder> actions() {
        return List.of(
                post("/licences")
                        .param("planId", "" + plan.id())
                        .param("name", "x")
                        .param("quantity", "1"),
                post("/licences/{id}/pause", licence.id()),
                post("/licences/{id}/resume", licence.id()),
                post("/licences/{id}/delete", licence.id()),
                post("/licences/selection/pause"),
                post("/licences/selection/resume"),
                post("/licences/{id}/edit", licence.id())
                        .param("planId", "" + plan.id())
                        .param("name", "Hacked")
                        .param("quantity", "9")
                        .param("clientId", ""),
                post("/clients").param("name", "Eve").param("email", "eve@example.test"),
                post("/plans").param("name", "Hacked").param("term", "P1M").param("unitPrice", "1.00"),
                post("/plans/{id}", plan.id())
                        .param("name", "Hacked")
                        .param("term", "P1M")
                        .param("unitPrice", "1.00"));
    }

    @Test
    void sendsAnonymousUsersToSignIn() throws Exception {
        for (var page : pages()) {
            mvc.perform(page).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        for (var action : actions()) {
            mvc.perform(action.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        assertUnchanged();
    }

    @Test
    void refusesClientsEverywhereInTheConsole() throws Exception {
        for (var page : pages()) {
            mvc.perform(page.with(fixture.signedIn(org.alice().email()))).andExpect(status().isForbidden());
        }
        for (var action : actions()) {
            mvc.perform(action.with(fixture.signedIn(org.alice().email())).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertUnchanged();
    }

    @Test
    void showsNothingOfAnotherOrganisation() throws Exception {
        var stranger = fixture.signedIn(other.owner().email());
        mvc.perform(get("/licences").with(stranger))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(not(containsString(licence.couponCode().value()))));
        mvc.perform(get("/licences").param("q", "secret").with(stranger))
                .andExpect(content().string(not(containsString("Secret lobby"))));
        mvc.perform(get("/licences").param("client", "" + org.alice().userId()).with(stranger))
                .andExpect(content().string(not(containsString("Secret lobby"))));
        mvc.perform(get("/licences/{id}", licence.id()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/licences/{id}/edit", licence.id()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(post("/licences/{id}/edit", licence.id())
                        .param("planId", "" + plan.id())
                        .param("name", "Hacked")
                        .param("quantity", "9")
                        .with(stranger)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}/edit", plan.id()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/clients").with(stranger))
                .andExpect(content().string(not(containsString(org.alice().email()))));
        mvc.perform(get("/clients/options").param("q", "alice").with(stranger))
                .andExpect(content().string(not(containsString(org.alice().email()))));
        for (var export : List.of(
                get("/licences/export.csv"),
                get("/invoices/export.csv"),
                get("/clients/export.csv"),
                get("/audit/export.csv"),
                get("/audit/export.csv").param("object", "" + licence.id()))) {
            mvc.perform(export.with(stranger))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(not(containsString(licence.couponCode().value()))))
                    .andExpect(content().string(not(containsString(org.alice().email()))));
        }
        // Naming this organisation's client, the stranger's download is refused as one naming nobody (decision 0092).
        for (var export : List.of(
                get("/licences/export.csv").param("client", "" + org.alice().userId()),
                get("/invoices/export.csv").param("client", "" + org.alice().userId()))) {
            mvc.perform(export.with(stranger))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("The client asked for is not one of your clients.")))
                    .andExpect(content()
                            .string(not(containsString(licence.couponCode().value()))))
                    .andExpect(content().string(not(containsString(org.alice().email()))));
        }
        for (String action : List.of("pause", "resume", "delete")) {
            mvc.perform(post("/licences/{id}/" + action, licence.id())
                            .with(stranger)
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/plans/{id}", plan.id())
                        .param("name", "Hacked")
                        .param("term", "P1M")
                        .param("unitPrice", "1.00")
                        .with(stranger)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertUnchanged();
    }

    @Test
    void refusesAssigningAClientOfAnotherOrganisation() throws Exception {
        mvc.perform(post("/licences")
                        .param("planId", "" + plan.id())
                        .param("name", "Sneaky")
                        .param("quantity", "1")
                        .param("clientId", "" + other.alice().userId())
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of your clients.")));
        assertUnchanged();
    }

    @Test
    void refusesFormPostsWithoutACsrfToken() throws Exception {
        for (var action : actions()) {
            mvc.perform(action.with(fixture.signedIn(org.owner().email()))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/logout").with(fixture.signedIn(org.owner().email()))).andExpect(status().isForbidden());
        assertUnchanged();
    }

    @Test
    void letsOnlyOwnersChangePlans() throws Exception {
        var manager = fixture.signedIn(org.manager().email());
        mvc.perform(get("/plans").with(manager)).andExpect(status().isOk());
        mvc.perform(get("/plans/new").with(manager)).andExpect(status().isForbidden());
        mvc.perform(post("/plans")
                        .param("name", "Weekly")
                        .param("term", "P7D")
                        .param("unitPrice", "3.00")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(plans.plans(org.owner())).extracting(Plan::name).containsExactly("Monthly");
    }

    /** Settings carry no id: each owner's changes go to their own organisation, and only owners make them. */
    List<MockHttpServletRequestBuilder> settingsChanges() {
        return List.of(
                post("/settings")
                        .param("name", "Taken over")
                        .param("currency", "EUR")
                        .param("vatRate", "0")
                        .param("invoicePrefix", "HACK")
                        .param("paymentTermsDays", "1")
                        .param("expiringSoonDays", "1"),
                post("/settings/renewals")
                        .param("renewalInvoiceDays", "1")
                        .param("overdueReminderDays", "1")
                        .param("overduePause", "true")
                        .param("overduePauseDays", "1"),
                post("/settings/payment").param("iban", "DE89370400440532013000"));
    }

    @Test
    void letsOnlyTheirOwnersSeeAndChangeAnOrganisationsSettings() throws Exception {
        var before = List.of(accounts.organisation(org.owner()), renewals.settings(org.id()), payments.of(org.id()));
        var pages = List.of(get("/settings"), get("/settings/renewals"), get("/settings/payment"));
        for (var page : pages) {
            mvc.perform(page).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(page.with(fixture.signedIn(org.alice().email()))).andExpect(status().isForbidden());
            mvc.perform(page.with(fixture.signedIn(org.manager().email()))).andExpect(status().isForbidden());
            mvc.perform(page.with(fixture.signedIn(org.owner().email()))).andExpect(status().isOk());
        }
        for (var change : settingsChanges()) {
            mvc.perform(change.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(change.with(fixture.signedIn(org.alice().email())).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(change.with(fixture.signedIn(org.manager().email())).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(change.with(fixture.signedIn(other.owner().email())).with(csrf()))
                    .andExpect(status().isFound());
        }

        assertThat(List.of(accounts.organisation(org.owner()), renewals.settings(org.id()), payments.of(org.id())))
                .isEqualTo(before);
        assertThat(accounts.organisation(other.owner()).name())
                .as("the other owner changed their own organisation")
                .isEqualTo("Taken over");
        assertThat(payments.of(other.id()).iban()).isEqualTo("DE89370400440532013000");
        assertThat(renewals.settings(other.id()).renewalInvoiceDays()).isEqualTo(1);
    }

    @Test
    void keepsMetricsForOwnersAndHealthPublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")
                        .with(fixture.signedIn(org.manager().email())))
                .andExpect(status().isForbidden());
    }

    @Test
    void setsSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
    }

    private void assertUnchanged() {
        var all = licences.list(org.owner(), LicenceFilter.none(), LicencePageRequest.first(10))
                .rows();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).status()).isEqualTo(LifecycleStatus.ASSIGNED);
        assertThat(all.get(0).name()).isEqualTo("Secret lobby");
        assertThat(all.get(0).quantity()).isEqualTo(3);
        assertThat(plans.plans(org.owner())).extracting(Plan::name).containsExactly("Monthly");
        assertThat(licences.list(other.owner(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .rows())
                .isEmpty();
    }
}
