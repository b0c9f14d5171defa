package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** A production installation starts empty and takes its first owner from the environment. */
@SpringBootTest(
        properties = {
            "licencedesk.first-owner.email=First.Owner@Example.test",
            "licencedesk.first-owner.password=correct horse",
            "licencedesk.first-owner.organisation=Example Signage",
            "licencedesk.first-owner.currency=GBP"
        })
@ActiveProfiles("test")
class FirstOwnerIntegrationTests {

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountManagement management;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void createsTheFirstOwnerAndTheirOrganisation() {
        var owner = accounts.findUserByEmail("first.owner@example.test").orElseThrow();
        assertThat(owner.caller().role()).isEqualTo(Role.OWNER);
        assertThat(owner.passwordHash()).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(passwords.matches("correct horse", owner.passwordHash())).isTrue();
        var organisation = management.organisation(owner.caller());
        assertThat(organisation.name()).isEqualTo("Example Signage");
        assertThat(organisation.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(accounts.anyOrganisationExists()).isTrue();
    }

    @Autowired
    JdbcClient jdbc;

    /**
     * Two nodes started together on an empty database both find no user; the one whose insert loses must still
     * start, leaving one owner and one organisation (a node that failed here stopped its start).
     */
    @Test
    void aNodeThatLosesTheRaceForTheFirstOwnerStillStarts() {
        long organisationsBefore = count("select count(*) from organisation");
        AccountRepository sawNoUserYet = mock(AccountRepository.class);
        when(sawNoUserYet.anyUserExists()).thenReturn(false);
        var secondNode = new FirstOwner(
                sawNoUserYet, management, "first.owner@example.test", "another password", "Example Signage", "GBP");

        assertThatCode(() -> secondNode.run(null)).doesNotThrowAnyException();

        assertThat(count("select count(*) from app_user where email = 'first.owner@example.test'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from organisation")).isEqualTo(organisationsBefore);
        var owner = accounts.findUserByEmail("first.owner@example.test").orElseThrow();
        assertThat(passwords.matches("correct horse", owner.passwordHash())).isTrue();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
