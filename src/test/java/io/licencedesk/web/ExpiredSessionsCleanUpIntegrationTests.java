package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Expired sessions are deleted by the application's job, now that Spring Session's own scheduler is off. */
@IntegrationTest
class ExpiredSessionsCleanUpIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpiredSessionsCleanUp cleanUp;

    @Test
    void deletesTheExpiredSessionsOnly() throws Exception {
        TestOrganisation org = fixture.organisation();
        signIn(org.manager().email());
        signIn(org.alice().email());
        jdbc.sql("update spring_session set expiry_time = 0 where principal_name = :email")
                .param("email", org.manager().email())
                .update();

        cleanUp.cleanUp();

        assertThat(sessionsOf(org.manager().email())).isZero();
        assertThat(sessionsOf(org.alice().email())).isEqualTo(1);
    }

    private void signIn(String email) throws Exception {
        mvc.perform(formLogin().userParameter("email").user(email).password(TestOrganisation.PASSWORD));
    }

    private long sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }
}
