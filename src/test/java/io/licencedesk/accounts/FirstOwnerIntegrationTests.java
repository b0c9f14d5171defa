package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.licencedesk.shared.SettingRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
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

    /**
     * Whether the first owner existed when the application said it had started (the "Started …" line, after the web
     * server opened its port; readiness follows). A member class of the test's configuration, so this context alone
     * has it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnerWhenStarted {

        static volatile Boolean ownerExisted;

        @Bean
        ApplicationListener<ApplicationStartedEvent> ownerWhenStarted(AccountRepository accounts) {
            return started -> ownerExisted =
                    accounts.findUserByEmail("first.owner@example.test").isPresent();
        }
    }

    /**
     * The owner was created by an application runner, just after "Started …" was logged, while the web server already
     * answered: a sign-in in that instant was refused (decision 0158's walk). It is created before the application
     * reports started (decision 0163).
     */
    @Test
    void theFirstOwnerExistsBeforeTheApplicationReportsStarted() {
        assertThat(OwnerWhenStarted.ownerExisted).isTrue();
    }

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
                sawNoUserYet,
                management,
                messages,
                "first.owner@example.test",
                "another password",
                "Example Signage",
                "GBP");

        assertThatCode(() -> secondNode.createIfNoUserExists()).doesNotThrowAnyException();

        assertThat(count("select count(*) from app_user where email = 'first.owner@example.test'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from organisation")).isEqualTo(organisationsBefore);
        var owner = accounts.findUserByEmail("first.owner@example.test").orElseThrow();
        assertThat(passwords.matches("correct horse", owner.passwordHash())).isTrue();
    }

    @Autowired
    MessageSource messages;

    /**
     * Settings the operator gave but that cannot make a usable owner stop the start, naming the setting: docs said "8
     * characters or more" while every password page asks for 10, and a currency that is not ISO 4217 was a stack
     * trace.
     */
    @Test
    void firstOwnerSettingsThatCannotMakeAUsableOwnerStopTheStartAndCreateNothing() {
        long usersBefore = count("select count(*) from app_user");
        long organisationsBefore = count("select count(*) from organisation");

        assertThatThrownBy(() -> onAnEmptyDatabase("new.owner@example.test", "9-letters", "EUR"))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessage("LICENCEDESK_FIRST_OWNER_PASSWORD is refused: Use at least 10 characters."
                        + " It is the first owner's password, with the rules of every password.");
        assertThatThrownBy(() -> onAnEmptyDatabase("new.owner@example.test", "password123", "EUR"))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageContaining("one of the most common");
        assertThatThrownBy(() -> onAnEmptyDatabase("new.owner@example.test", "a fine password", "EURO"))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageStartingWith("LICENCEDESK_FIRST_OWNER_CURRENCY 'EURO' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> onAnEmptyDatabase("new.owner", "a fine password", "EUR"))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageStartingWith("LICENCEDESK_FIRST_OWNER_EMAIL is not set to an e-mail address");

        assertThat(count("select count(*) from app_user")).isEqualTo(usersBefore);
        assertThat(count("select count(*) from organisation")).isEqualTo(organisationsBefore);
    }

    @Test
    void noFirstOwnerSettingsOnAnEmptyDatabaseOnlyWarns() {
        assertThatCode(() -> onAnEmptyDatabase("", "", "EUR")).doesNotThrowAnyException();
    }

    private void onAnEmptyDatabase(String email, String password, String currency) throws Exception {
        AccountRepository sawNoUserYet = mock(AccountRepository.class);
        when(sawNoUserYet.anyUserExists()).thenReturn(false);
        new FirstOwner(sawNoUserYet, management, messages, email, password, "Another Organisation", currency)
                .createIfNoUserExists();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
