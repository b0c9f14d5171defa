package io.licencedesk.portal;

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
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A client's profile page changes their own details and password, and nobody else's; staff, anonymous
 * users and forged posts are refused.
 */
@IntegrationTest
class PortalProfileIntegrationTests {

    static final String NEW_PASSWORD = "a much better password";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    TestOrganisation org;
    TestOrganisation other;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
    }

    boolean canSignIn(String email, String password) {
        return encoder.matches(password, users.loadUserByUsername(email).getPassword());
    }

    Client client(TestOrganisation organisation, long id) {
        return accounts.client(organisation.manager(), id);
    }

    ResultActions changePassword(String current, String next, String confirmation) throws Exception {
        return mvc.perform(post("/portal/profile/password")
                .param("currentPassword", current)
                .param("newPassword", next)
                .param("confirmation", confirmation)
                .with(fixture.signedIn(org.alice().email()))
                .with(csrf()));
    }

    @Test
    void showsTheClientsOwnDetails() throws Exception {
        mvc.perform(get("/portal/profile").with(fixture.signedIn(org.alice().email())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(org.alice().email())))
                .andExpect(content().string(containsString("Alice Co")))
                .andExpect(content().string(containsString("Change your password")));
    }

    @Test
    void updatesOnlyTheCallersOwnRecord() throws Exception {
        Client bob = client(org, org.bob().userId());
        Client strangerAlice = client(other, other.alice().userId());

        mvc.perform(post("/portal/profile")
                        .param("name", "Alice Renamed")
                        .param("company", "Renamed Ltd")
                        .param("billingAddress", "2 Quay Street\nBristol")
                        .param("vatNumber", "GB123456789")
                        .param("email", "hijack@example.test")
                        .param("id", "" + org.bob().userId())
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"))
                .andExpect(flash().attribute("toast", "Your details are saved."));

        Client alice = client(org, org.alice().userId());
        assertThat(alice.name()).isEqualTo("Alice Renamed");
        assertThat(alice.company()).isEqualTo("Renamed Ltd");
        assertThat(alice.billingAddress()).isEqualTo("2 Quay Street\nBristol");
        assertThat(alice.vatNumber()).isEqualTo("GB123456789");
        assertThat(alice.email()).isEqualTo(org.alice().email());
        assertThat(client(org, org.bob().userId())).isEqualTo(bob);
        assertThat(client(other, other.alice().userId())).isEqualTo(strangerAlice);
    }

    @Test
    void refusesBadDetailsBesideTheFieldAndChangesNothing() throws Exception {
        Client before = client(org, org.alice().userId());

        mvc.perform(post("/portal/profile")
                        .param("name", " ")
                        .param("company", "<script>alert(1)</script>")
                        .param("vatNumber", "X".repeat(41))
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter your name.")))
                .andExpect(content().string(containsString("Remove the HTML tags")))
                .andExpect(content().string(containsString("Keep the VAT number to 40 characters.")));

        assertThat(client(org, org.alice().userId())).isEqualTo(before);
    }

    /**
     * The current password was asked to stop whoever holds a session from taking the account over, and could be
     * guessed there without any limit, past the sign-in page's. After ten wrong ones in an hour even the right one is
     * refused for a while, in the page's language, and nothing changes (decision 0123).
     */
    @Test
    void stopsGuessingTheCurrentPasswordAfterTenWrongOnes() throws Exception {
        for (int guess = 0; guess < 10; guess++) {
            changePassword("guess number " + guess, NEW_PASSWORD, NEW_PASSWORD)
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("This is not your current password.")));
        }
        changePassword(TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many wrong current passwords: try again in ")));
        mvc.perform(post("/portal/profile/password")
                        .param("currentPassword", TestOrganisation.PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmation", NEW_PASSWORD)
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trop de mots de passe actuels erronés")));

        assertThat(canSignIn(org.alice().email(), TestOrganisation.PASSWORD)).isTrue();
        assertThat(canSignIn(org.alice().email(), NEW_PASSWORD)).isFalse();
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOne() throws Exception {
        changePassword("wrong password", NEW_PASSWORD, NEW_PASSWORD)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is not your current password.")));
        changePassword(TestOrganisation.PASSWORD, "too short", "too short")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use at least 10 characters.")));
        changePassword(TestOrganisation.PASSWORD, NEW_PASSWORD, "something else")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The two new passwords are not the same.")));
        changePassword(TestOrganisation.PASSWORD, "too short", "too shorter")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use at least 10 characters.")))
                .andExpect(content().string(not(containsString("The two new passwords are not the same."))));
        assertThat(canSignIn(org.alice().email(), TestOrganisation.PASSWORD)).isTrue();

        changePassword(TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
                .andExpect(redirectedUrl("/portal/profile"))
                .andExpect(flash().attribute("toast", "Your password is changed. Your other sessions have ended."));

        assertThat(canSignIn(org.alice().email(), NEW_PASSWORD)).isTrue();
        assertThat(canSignIn(org.bob().email(), TestOrganisation.PASSWORD)).isTrue();
    }

    @Test
    void refusesStaffAnonymousUsersAndForgedPosts() throws Exception {
        Client before = client(org, org.alice().userId());
        for (String staff : new String[] {org.manager().email(), org.owner().email()}) {
            mvc.perform(get("/portal/profile").with(fixture.signedIn(staff))).andExpect(status().isForbidden());
            mvc.perform(post("/portal/profile")
                            .param("name", "Hacked")
                            .with(fixture.signedIn(staff))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/portal/profile")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/portal/profile").param("name", "Hacked").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/portal/profile")
                        .param("name", "Hacked")
                        .with(fixture.signedIn(org.alice().email())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/portal/profile/password")
                        .param("currentPassword", TestOrganisation.PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmation", NEW_PASSWORD)
                        .with(fixture.signedIn(org.alice().email())))
                .andExpect(status().isForbidden());

        assertThat(client(org, org.alice().userId())).isEqualTo(before);
        assertThat(canSignIn(org.alice().email(), TestOrganisation.PASSWORD)).isTrue();
    }
}
