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

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Staff's own profile: their name, the address they sign in with, their role, and changing their password. */
@IntegrationTest
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsoleProfileIntegrationTests {

    static final String CHOSEN = "granite kettle lighthouse";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
    }

    @Test
    void showsTheirNameAddressAndRoleAndTheUserMenuLeadsThere() throws Exception {
        mvc.perform(get("/profile").with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(org.manager().email())))
                .andExpect(content()
                        .string(containsString("value=\"" + org.manager().name() + "\"")))
                .andExpect(content().string(containsString("Account manager")))
                .andExpect(content().string(containsString("href=\"/profile\"")))
                .andExpect(content().string(not(containsString("href=\"/people\""))));
        mvc.perform(get("/profile").with(fixture.signedIn(org.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/people\"")));
    }

    @Test
    void renamesThemselvesAndRefusesABlankOrTooLongName() throws Exception {
        var manager = fixture.signedIn(org.manager());
        mvc.perform(post("/profile").param("name", "  ").with(manager).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name.")));
        mvc.perform(post("/profile")
                        .param("name", "x".repeat(201))
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep the name to 200 characters.")));
        assertThat(people.me(org.manager()).name()).isEqualTo(org.manager().name());

        mvc.perform(post("/profile")
                        .param("name", " Margaret Manager ")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attribute("toast", "Your details are saved."));
        assertThat(people.me(org.manager()).name()).isEqualTo("Margaret Manager");
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOneAndAPasswordThePolicyAccepts() throws Exception {
        var owner = fixture.signedIn(org.owner());
        mvc.perform(password(owner, "not my password", CHOSEN, CHOSEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is not your current password.")));
        mvc.perform(password(owner, TestOrganisation.PASSWORD, CHOSEN, CHOSEN + "!"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The two new passwords are not the same.")));
        mvc.perform(password(owner, TestOrganisation.PASSWORD, "short", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(password(owner, "", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter your current password.")));
        mvc.perform(signIn(org.owner().email(), TestOrganisation.PASSWORD)).andExpect(authenticated());

        mvc.perform(password(owner, TestOrganisation.PASSWORD, CHOSEN, CHOSEN))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attribute("toast", containsString("Your password is changed.")));
        mvc.perform(signIn(org.owner().email(), TestOrganisation.PASSWORD)).andExpect(unauthenticated());
        mvc.perform(signIn(org.owner().email(), CHOSEN)).andExpect(authenticated());
    }

    @Test
    void choosesTheLanguageOfTheirPagesAndRefusesOneThatIsNotOffered() throws Exception {
        var manager = fixture.signedIn(org.manager());
        mvc.perform(post("/profile/language")
                        .param("language", "de")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attribute("toast", "Choose English, French or your browser's language."));
        assertThat(languages.chosen(org.manager())).isEmpty();

        mvc.perform(post("/profile/language")
                        .param("language", "fr")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attribute("toast", "Votre langue est enregistrée."));
        assertThat(languages.chosen(org.manager())).contains(Language.FR);
        mvc.perform(get("/licences").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("<html lang=\"fr\"")));

        mvc.perform(post("/profile/language")
                        .param("language", "")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile"));
        assertThat(languages.chosen(org.manager())).isEmpty();
        // Neither a client nor an anonymous user reaches a staff profile.
        mvc.perform(post("/profile/language")
                        .param("language", "fr")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/profile/language").param("language", "fr").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        assertThat(languages.chosen(org.alice())).isEmpty();
    }

    @Test
    void refusesClientsAnonymousUsersAndRequestsWithoutACsrfToken() throws Exception {
        mvc.perform(get("/profile").with(fixture.signedIn(org.alice()))).andExpect(status().isForbidden());
        mvc.perform(post("/profile")
                        .param("name", "Mallory")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(password(fixture.signedIn(org.alice()), TestOrganisation.PASSWORD, CHOSEN, CHOSEN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/profile")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/profile").param("name", "Mallory").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/profile").param("name", "Mallory").with(fixture.signedIn(org.manager())))
                .andExpect(status().isForbidden());
        assertThat(people.me(org.manager()).name()).isEqualTo(org.manager().name());
        assertThat(people.me(org.alice()).name()).isEqualTo(org.alice().name());
    }

    static org.springframework.test.web.servlet.RequestBuilder password(
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            String current,
            String chosen,
            String confirmation) {
        return post("/profile/password")
                .param("currentPassword", current)
                .param("newPassword", chosen)
                .param("confirmation", confirmation)
                .with(who)
                .with(csrf());
    }

    static org.springframework.test.web.servlet.RequestBuilder signIn(String email, String password) {
        return formLogin().userParameter("email").user(email).password(password);
    }
}
