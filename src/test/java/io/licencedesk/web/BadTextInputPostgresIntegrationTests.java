package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text PostgreSQL cannot store (NUL) and field names Spring's binding took as property paths ({@code name[0]},
 * {@code client.id}) were 500s on every form. Control characters are refused beside the field and change nothing;
 * a search for them matches nothing; an indexed or nested field name is a 400.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@OnPostgres
class BadTextInputPostgresIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    AccountManagement accounts;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
        licences.create(org.manager(), new NewLicence(plan.id(), "Lobby", null, 1, null));
    }

    @Test
    void refusesControlCharactersInATextFieldBesideItAndSavesNothing() throws Exception {
        for (String bad : List.of("Lobby\u0000 2", "Lobby\u0007", "Lobby\u009b", "Lobby\ud800", "Lobby\ufffe")) {
            mvc.perform(post("/licences")
                            .with(fixture.signedIn(org.manager().email()))
                            .with(csrf())
                            .param("planId", Long.toString(plan.id()))
                            .param("name", bad)
                            .param("note", "")
                            .param("quantity", "1"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(ControlCharactersInForms.MESSAGE)));
        }
        mvc.perform(post("/portal/profile")
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf())
                        .param("name", "Alice")
                        .param("company", "Alice\u0000Co"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(ControlCharactersInForms.MESSAGE)));

        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(50))
                        .rows())
                .singleElement()
                .satisfies(row -> assertThat(row.name()).isEqualTo("Lobby"));
        assertThat(accounts.client(org.manager(), org.alice().userId()).company())
                .isEqualTo(accounts.client(org.owner(), org.alice().userId()).company())
                .doesNotContain("\u0000");
    }

    @Test
    void aSearchWithControlCharactersMatchesNothing() throws Exception {
        for (String page : List.of("/licences", "/clients")) {
            mvc.perform(get(page).with(fixture.signedIn(org.manager().email())).param("q", "Lob\u0000by"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString(">Lobby<"))));
        }
        mvc.perform(get("/clients/options")
                        .with(fixture.signedIn(org.manager().email()))
                        .param("q", "Ali\u0000"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", "x\u0000@example.test")
                        .param("password", "p"))
                .andExpect(status().is3xxRedirection());
        // A device cookie of the right length sends the e-mail typed to the trusted-device lookup.
        mvc.perform(post("/login")
                        .with(csrf())
                        .cookie(new Cookie(SignInDevices.COOKIE, "a".repeat(43)))
                        .param("email", "x\u0000@example.test")
                        .param("password", "p"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aSessionCookieHoldingNulIsNoSession() throws Exception {
        String nul = java.util.Base64.getEncoder().encodeToString("\u0000abc".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/login").cookie(new Cookie("SESSION", nul))).andExpect(status().isOk());
        mvc.perform(get("/licences").cookie(new Cookie("SESSION", nul))).andExpect(status().is3xxRedirection());
    }

    @Test
    void answersIndexedOrNestedFieldNamesWithBadRequest() throws Exception {
        for (String field : List.of("name[0]", "name[]", "name.x", "client.id", "quantity[0].x")) {
            mvc.perform(post("/portal/profile")
                            .with(fixture.signedIn(org.alice().email()))
                            .with(csrf())
                            .param("name", "Alice")
                            .param(field, "x"))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/licences")
                            .with(fixture.signedIn(org.manager().email()))
                            .with(csrf())
                            .param("planId", Long.toString(plan.id()))
                            .param("name", "Indexed")
                            .param("quantity", "1")
                            .param(field, "1"))
                    .andExpect(status().isBadRequest());
        }
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(50))
                        .rows())
                .hasSize(1);
    }
}
