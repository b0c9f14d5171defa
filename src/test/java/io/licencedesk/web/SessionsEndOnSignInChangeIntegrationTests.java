package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Setting or changing a password signs the user out of every other session (kept in the database), and
 * a new e-mail address signs them out everywhere.
 */
@IntegrationTest
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class SessionsEndOnSignInChangeIntegrationTests {

    static final String NEW_PASSWORD = "a much better password";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    PasswordManagement passwords;

    @Autowired
    SentLinks mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    Cookie signIn(String email) throws Exception {
        return mvc.perform(formLogin().userParameter("email").user(email).password(TestOrganisation.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    long sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    @Test
    void endsEverySessionWhenAPasswordIsResetWithALink() throws Exception {
        Cookie laptop = signIn(org.alice().email());
        signIn(org.alice().email());
        signIn(org.bob().email());
        assertThat(sessionsOf(org.alice().email())).isEqualTo(2);

        passwords.requestReset(org.alice().email());
        passwords.setPassword(mail.tokenTo(org.alice().email()), NEW_PASSWORD);

        assertThat(sessionsOf(org.alice().email())).isZero();
        assertThat(sessionsOf(org.bob().email())).isEqualTo(1);
        mvc.perform(get("/portal").cookie(laptop)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void endsTheSessionsOfAClientWhoseEmailStaffChanged() throws Exception {
        Cookie laptop = signIn(org.alice().email());
        Cookie manager = signIn(org.manager().email());
        String newEmail = "alice-new-" + org.id() + "@example.test";

        accounts.updateClient(
                org.manager(),
                org.alice().userId(),
                new NewClient(org.alice().name(), newEmail, "Alice Co", null, null));

        assertThat(sessionsOf(org.alice().email())).isZero();
        mvc.perform(get("/portal").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/licences").cookie(manager)).andExpect(status().isOk());
        signIn(newEmail);
        assertThat(sessionsOf(newEmail)).isEqualTo(1);
    }

    @Test
    void keepsOnlyTheSessionThatChangedThePassword() throws Exception {
        Cookie phone = signIn(org.alice().email());
        Cookie laptop = signIn(org.alice().email());

        mvc.perform(post("/portal/profile/password")
                        .param("currentPassword", TestOrganisation.PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmation", NEW_PASSWORD)
                        .cookie(laptop)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"));

        assertThat(sessionsOf(org.alice().email())).isEqualTo(1);
        mvc.perform(get("/portal/profile").cookie(laptop)).andExpect(status().isOk());
        mvc.perform(get("/portal/profile").cookie(phone)).andExpect(redirectedUrl("/login"));
    }
}
