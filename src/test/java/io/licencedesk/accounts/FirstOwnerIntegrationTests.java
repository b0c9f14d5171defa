package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
}
