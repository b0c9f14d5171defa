package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in sends each role home, refuses bad passwords, and keeps the session in the database. */
@IntegrationTest
@AutoConfigureMockMvc
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    @Test
    void sendsStaffToTheConsoleAndClientsToThePortal() throws Exception {
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email())
                        .password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().userParameter("email").user(org.alice().email()).password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/portal"));
    }

    @Test
    void refusesAWrongPasswordAndUnknownUsers() throws Exception {
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email())
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?failed"));
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user("nobody@example.test")
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?failed"));
    }

    @Test
    void keepsSessionsInTheDatabase() throws Exception {
        long before = jdbc.sql("select count(*) from spring_session")
                .query(Long.class)
                .single();
        var signedIn = mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.owner().email())
                        .password(TestOrganisation.PASSWORD))
                .andReturn();
        long after = jdbc.sql("select count(*) from spring_session")
                .query(Long.class)
                .single();
        assertThat(after).isGreaterThan(before);
        var principal = jdbc.sql("select count(*) from spring_session where principal_name = :email")
                .param("email", org.owner().email())
                .query(Long.class)
                .single();
        assertThat(principal).isEqualTo(1);
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void sendsTheHomePageToEachRolesPlace() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }
}
