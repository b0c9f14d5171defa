package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.shared.Reason;
import io.licencedesk.shared.ShownTimes;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Invitations, resets and password changes: the link e-mailed works once, for 72 hours, only the
 * newest one works, only its hash is stored, and the password policy holds everywhere. The mail
 * dispatcher is off, so the e-mails stay in the outbox to be read.
 */
@IntegrationTest
@MovableTime
@TestPropertySource(
        properties = {"licencedesk.scheduling.enabled=false", "licencedesk.base-url=https://desk.example.test"})
class PasswordManagementIntegrationTests {

    static final String NEW_PASSWORD = "correct horse battery";

    @Autowired
    PasswordManagement passwords;

    @Autowired
    AccountManagement accounts;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    SentLinks mail;

    @Autowired
    MovableClock clock;

    @Autowired
    ClientExports exports;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRepository accountRepository;

    @Autowired
    PeopleMessages peopleMessages;

    @Autowired
    People people;

    @Autowired
    org.springframework.context.MessageSource messages;

    TestOrganisation org;
    TestOrganisation other;
    Client carol;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        carol = accounts.addClient(
                org.manager(),
                new NewClient("Carol New", "carol-" + org.id() + "@example.test", "Carol Co", null, null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    boolean canSignIn(String email, String password) {
        try {
            return encoder.matches(password, users.loadUserByUsername(email).getPassword());
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException noPassword) {
            return false;
        }
    }

    ClientAccess accessOf(long clientId) {
        return accounts.access(org.manager(), List.of(clientId)).get(clientId);
    }

    /** The access the clients' CSV export says, which it decides in its own query. */
    ClientAccess exportedAccess(String email) {
        List<ClientAccess> found = new ArrayList<>();
        exports.clients(org.manager(), email, client -> found.add(client.access()));
        return found.get(0);
    }

    @Test
    void invitesAClientWithALinkThatWorksOnce() {
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.NOT_INVITED);

        passwords.invite(org.manager(), carol.id());

        assertThat(mail.countTo(carol.email())).isEqualTo(1);
        assertThat(mail.latestTo(carol.email()))
                .get()
                .asString()
                .startsWith("https://desk.example.test/password/set?token=");
        assertThat(mail.latestText(carol.email()))
                .get()
                .asString()
                .contains("Hello Carol New", "expires on", org.owner().name().replace("Owner", "Org"));
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.INVITED);
        String token = mail.tokenTo(carol.email());
        assertThat(passwords.linkWorks(token)).isTrue();
        assertThat(canSignIn(carol.email(), NEW_PASSWORD)).isFalse();

        passwords.setPassword(token, NEW_PASSWORD);

        assertThat(canSignIn(carol.email(), NEW_PASSWORD)).isTrue();
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.ACTIVE);
        assertThat(passwords.linkWorks(token)).isFalse();
        assertThatThrownBy(() -> passwords.setPassword(token, "another good password"))
                .isInstanceOf(PasswordLinkInvalidException.class);
        assertThat(canSignIn(carol.email(), NEW_PASSWORD)).isTrue();
    }

    /**
     * Invitations and password links wrote their expiry on patterns of their own ("8 December 2026 at 14:05 UTC", and
     * "8 December 2026, 14:05 UTC" in staff's), in UTC whatever zone the pages name: every account e-mail now writes
     * its moment as pages do ({@link ShownTimes}, decision 0093), in its recipient's language.
     */
    @Test
    void everyAccountEmailWritesItsExpiryAsPagesDoInItsRecipientsLanguage() {
        Organisation organisation = accountRepository.findOrganisation(org.id()).orElseThrow();
        var to = new AccountMessages.Recipient(carol.id(), carol.name(), carol.email());
        String link = "https://desk.example.test/password/set?token=abc";
        Instant expiresAt = Instant.parse("2026-12-08T14:05:42Z");
        for (Locale locale : List.of(Locale.UK, Locale.FRENCH)) {
            String expiry =
                    (locale == Locale.UK ? "expires on " : "expire le ") + ShownTimes.minute(expiresAt, locale) + ".";
            List<AccountEmail> emails = List.of(
                    AccountMessages.invitation(messages, locale, organisation, to, link, expiresAt),
                    AccountMessages.reset(messages, locale, organisation, to, link, expiresAt),
                    peopleMessages.staffInvitation(locale, organisation, to, Role.MANAGER, link, expiresAt),
                    peopleMessages.resetFromStaff(locale, organisation, to, link, expiresAt));
            for (AccountEmail email : emails) {
                assertThat(email.textBody()).as(email.subject()).contains(expiry);
                assertThat(email.htmlBody()).as(email.subject()).contains(expiry);
            }
        }
    }

    @Test
    void queuesTheEmailAsConfidentialFromTheOrganisationsSender() {
        passwords.invite(org.manager(), carol.id());

        var row = jdbc.sql("""
                        select confidential, subject, sender_name, attachment from outbound_email
                        where recipient = :recipient
                        """).param("recipient", carol.email()).query().singleRow();
        assertThat(row.get("confidential")).isEqualTo(true);
        assertThat((String) row.get("subject")).startsWith("Your LicenceDesk account with Org ");
        assertThat((String) row.get("sender_name")).startsWith("Org ");
        assertThat(row.get("attachment")).isNull();
    }

    @Test
    void storesOnlyTheSha256OfTheToken() throws Exception {
        passwords.invite(org.manager(), carol.id());
        String token = mail.tokenTo(carol.email());

        List<String> stored = jdbc.sql("select token_hash from password_link where user_id = :userId")
                .param("userId", carol.id())
                .query(String.class)
                .list();

        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII))));
        assertThat(stored).containsExactly(expected);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(stored.get(0)).doesNotContain(token);
    }

    @Test
    void letsTheLinkExpireAfter72Hours() {
        passwords.invite(org.manager(), carol.id());
        String token = mail.tokenTo(carol.email());

        clock.advance(Duration.ofHours(72).minusMinutes(1));
        assertThat(passwords.linkWorks(token)).isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(passwords.linkWorks(token)).isFalse();
        assertThatThrownBy(() -> passwords.setPassword(token, NEW_PASSWORD))
                .isInstanceOf(PasswordLinkInvalidException.class);
        assertThat(canSignIn(carol.email(), NEW_PASSWORD)).isFalse();
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.INVITATION_EXPIRED);
    }

    /**
     * A client whose invitation expired and who then asked for a reset link has a link again; the reset replaced the
     * invitation's row, and the console said "Not invited" of them, then, once that link expired too, still.
     */
    @Test
    void aClientWithoutAPasswordWhoAskedForAResetLinkIsInvitedThenExpired() {
        passwords.invite(org.manager(), carol.id());
        clock.advance(Duration.ofHours(73));
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.INVITATION_EXPIRED);

        passwords.requestReset(carol.email());
        assertThat(passwords.linkWorks(mail.tokenTo(carol.email()))).isTrue();
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.INVITED);
        assertThat(exportedAccess(carol.email())).isEqualTo(ClientAccess.INVITED);

        clock.advance(Duration.ofHours(73));
        assertThat(accessOf(carol.id())).isEqualTo(ClientAccess.INVITATION_EXPIRED);
        assertThat(exportedAccess(carol.email())).isEqualTo(ClientAccess.INVITATION_EXPIRED);
    }

    @Test
    void voidsEarlierLinksWhenANewOneIsSent() {
        passwords.invite(org.manager(), carol.id());
        String first = mail.tokenTo(carol.email());
        clock.advance(Duration.ofMinutes(1)); // a person is sent at most one link a minute
        passwords.invite(org.manager(), carol.id());
        String second = mail.tokenTo(carol.email());
        clock.advance(Duration.ofMinutes(1));
        passwords.requestReset(carol.email());
        String third = mail.tokenTo(carol.email());

        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(passwords.linkWorks(first)).isFalse();
        assertThat(passwords.linkWorks(second)).isFalse();
        assertThatThrownBy(() -> passwords.setPassword(first, NEW_PASSWORD))
                .isInstanceOf(PasswordLinkInvalidException.class);
        passwords.setPassword(third, NEW_PASSWORD);
        assertThat(canSignIn(carol.email(), NEW_PASSWORD)).isTrue();
    }

    @Test
    void voidsLinksSentToAnAddressThatStaffCorrect() {
        passwords.invite(org.manager(), carol.id());
        String sentToTheOldAddress = mail.tokenTo(carol.email());

        accounts.updateClient(
                org.manager(),
                carol.id(),
                new NewClient(carol.name(), "carol.fixed-" + org.id() + "@example.test", null, null, null));

        assertThat(passwords.linkWorks(sentToTheOldAddress)).isFalse();
        accounts.updateClient(
                org.manager(),
                carol.id(),
                new NewClient("Carol Renamed", "carol.fixed-" + org.id() + "@example.test", null, null, null));
        clock.advance(Duration.ofMinutes(1)); // a person is sent at most one link a minute
        passwords.invite(org.manager(), carol.id());
        String sentToTheNewAddress = mail.tokenTo("carol.fixed-" + org.id() + "@example.test");
        accounts.updateClient(
                org.manager(),
                carol.id(),
                new NewClient("Carol Again", "carol.fixed-" + org.id() + "@example.test", "Co", null, null));
        assertThat(passwords.linkWorks(sentToTheNewAddress))
                .as("same address, other details")
                .isTrue();
    }

    @Test
    void resetsTheForgottenPasswordOfStaffAndClients() {
        for (Caller person : List.of(org.owner(), org.alice())) {
            passwords.requestReset("  " + person.email().toUpperCase() + " ");
            assertThat(mail.latestText(person.email()))
                    .get()
                    .asString()
                    .contains("reset the password", "https://desk.example.test/password/set?token=");

            passwords.setPassword(mail.tokenTo(person.email()), NEW_PASSWORD);

            assertThat(canSignIn(person.email(), NEW_PASSWORD)).isTrue();
            assertThat(canSignIn(person.email(), TestOrganisation.PASSWORD)).isFalse();
        }
    }

    /**
     * Someone invited who never chose a password, a client or a colleague, and who used "Forgot your password?" was told
     * to reset a password they never had, and choosing their first one through that link was recorded as a password
     * reset. They are asked to choose one, in their language, the link's page says they have none yet, and the log says
     * what their invitation's link records: their account activated (decision 0132).
     */
    @Test
    void askedForALinkBeforeAnyPasswordThePersonIsAskedToChooseOneAndTheLogSaysActivated() {
        Person colleague = people.invite(org.owner(), "Dana New", "dana-" + org.id() + "@example.test", Role.MANAGER);
        clock.advance(Duration.ofMinutes(1));
        passwords.requestReset(carol.email());
        LocaleContextHolder.setLocale(Locale.FRENCH);
        try {
            passwords.requestReset(colleague.email());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }

        assertThat(mail.latestText(carol.email()))
                .get()
                .asString()
                .contains("you have not chosen a password yet", "To choose your password, open this link:")
                .doesNotContain("reset");
        assertThat(mail.latestText(colleague.email()))
                .get()
                .asString()
                .contains("vous n’avez pas encore choisi de mot de passe")
                .doesNotContain("réinitialiser");
        String carolsLink = mail.tokenTo(carol.email());
        String danasLink = mail.tokenTo(colleague.email());
        assertThat(passwords.linkSetsAFirstPassword(carolsLink)).isTrue();
        assertThat(passwords.linkSetsAFirstPassword(danasLink)).isTrue();

        passwords.setPassword(carolsLink, NEW_PASSWORD);
        passwords.setPassword(danasLink, NEW_PASSWORD);

        assertThat(auditActions(carol.id())).containsExactly("ADDED", "ACTIVATED");
        assertThat(auditActions(colleague.id())).containsExactly("INVITED", "ACTIVATED");
        assertThat(auditSubjects(carol.id())).containsOnly("CLIENT");
        assertThat(auditSubjects(colleague.id())).containsOnly("USER");

        // Once they have a password, the same page sends a reset, and a reset is what is recorded.
        clock.advance(Duration.ofMinutes(1));
        passwords.requestReset(carol.email());
        assertThat(mail.latestText(carol.email())).get().asString().contains("reset the password");
        String reset = mail.tokenTo(carol.email());
        assertThat(passwords.linkSetsAFirstPassword(reset)).isFalse();
        passwords.setPassword(reset, "another good password");
        assertThat(jdbc.sql("select action from audit_event where subject_id = :id and subject_type = 'USER'")
                        .param("id", carol.id())
                        .query(String.class)
                        .list())
                .containsExactly("PASSWORD_RESET");
    }

    List<String> auditActions(long subjectId) {
        return jdbc.sql("select action from audit_event where subject_id = :id and organisation_id = :org order by id")
                .param("id", subjectId)
                .param("org", org.id())
                .query(String.class)
                .list();
    }

    List<String> auditSubjects(long subjectId) {
        return jdbc.sql("select subject_type from audit_event where subject_id = :id and organisation_id = :org")
                .param("id", subjectId)
                .param("org", org.id())
                .query(String.class)
                .list();
    }

    @Test
    void sendsAtMostOneResetAMinuteAndKeepsTheFirstLinkWorking() {
        passwords.requestReset(org.bob().email());
        String first = mail.tokenTo(org.bob().email());

        clock.advance(Duration.ofSeconds(50));
        passwords.requestReset(org.bob().email());
        assertThat(mail.countTo(org.bob().email())).isEqualTo(1);
        assertThat(passwords.linkWorks(first)).isTrue();

        clock.advance(Duration.ofSeconds(11));
        passwords.requestReset(org.bob().email());
        assertThat(mail.countTo(org.bob().email())).isEqualTo(2);
        assertThat(passwords.linkWorks(first)).isFalse();
        assertThat(passwords.linkWorks(mail.tokenTo(org.bob().email()))).isTrue();
    }

    /**
     * One a minute still let anyone send an address 1,440 reset e-mails a day; five a day are enough for a person who
     * loses or mistypes them (decision 0016 amended). The page answers the same, sent or not.
     */
    @Test
    void sendsAtMostFiveResetsADayToOneAddress() {
        for (int asked = 0; asked < 8; asked++) {
            passwords.requestReset(org.bob().email());
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(mail.countTo(org.bob().email())).isEqualTo(PasswordManagement.RESETS_A_DAY.attempts());
        String fifth = mail.tokenTo(org.bob().email());
        assertThat(passwords.linkWorks(fifth))
                .as("a refused request replaces no link")
                .isTrue();

        clock.advance(Duration.ofHours(5));
        passwords.requestReset(org.bob().email());
        assertThat(mail.countTo(org.bob().email())).isEqualTo(PasswordManagement.RESETS_A_DAY.attempts() + 1);
    }

    /**
     * Staff-sent reset links had only the minute's limit: one client could be sent 1,440 a day from their page, on top
     * of the five a day of "Forgot your password?". They count in the same day's five (decision 0132), and the sixth is
     * refused with when to try again and that the newest link still works.
     */
    @Test
    void staffSendAtMostTheDaysFiveResetLinksCountedWithThoseAskedForOnTheSignInPage() {
        long alice = org.alice().userId();
        passwords.requestReset(org.alice().email());
        List<String> refusals = new ArrayList<>();
        for (int sent = 0; sent < 6; sent++) {
            clock.advance(Duration.ofMinutes(2));
            try {
                people.sendPasswordReset(org.manager(), alice);
            } catch (PeopleRefusedException refused) {
                refusals.add(refused.reason().code() + " " + refused.reason().arguments());
            }
        }
        assertThat(mail.countTo(org.alice().email())).isEqualTo(PasswordManagement.RESETS_A_DAY.attempts());
        assertThat(refusals).containsExactly("reason.people.resetTooMany [5, 5]", "reason.people.resetTooMany [5, 5]");
        assertThat(passwords.linkWorks(mail.tokenTo(org.alice().email())))
                .as("a refused link replaces none")
                .isTrue();
        assertThat(InWords.english(Reason.of("reason.people.resetTooMany", 5, 1L)))
                .contains("5 a day", "The newest link still works", "about 1 hour.");

        clock.advance(Duration.ofHours(5));
        people.sendPasswordReset(org.manager(), alice);
        assertThat(mail.countTo(org.alice().email())).isEqualTo(PasswordManagement.RESETS_A_DAY.attempts() + 1);
        clock.advance(Duration.ofMinutes(2));
        passwords.requestReset(org.alice().email());
        assertThat(mail.countTo(org.alice().email()))
                .as("the page's resets count in the same day")
                .isEqualTo(PasswordManagement.RESETS_A_DAY.attempts() + 1);
    }

    @Test
    void sendsNothingForAnAddressWithoutAnAccount() {
        long before = jdbc.sql("select count(*) from outbound_email")
                .query(Long.class)
                .single();

        passwords.requestReset("nobody-" + org.id() + "@example.test");
        passwords.requestReset("");
        passwords.requestReset(null);

        assertThat(jdbc.sql("select count(*) from outbound_email")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void refusesPasswordsThatBreakThePolicyAndKeepsTheLink() {
        passwords.invite(org.manager(), carol.id());
        String token = mail.tokenTo(carol.email());

        Map<String, String> refusals = Map.of(
                "short1234",
                "at least 10 characters",
                "a".repeat(73),
                "at most 72 characters",
                "é".repeat(37),
                "at most 72 characters",
                carol.email().toUpperCase(),
                "e-mail address",
                "Password123",
                "most common",
                "qwertyuiop",
                "most common");
        refusals.forEach((password, reason) -> assertThatThrownBy(() -> passwords.setPassword(token, password))
                .as(password)
                .isInstanceOf(PasswordRefusedException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains(reason));

        assertThat(canSignIn(carol.email(), "short1234")).isFalse();
        assertThat(passwords.linkWorks(token)).isTrue();
        // 72 bytes, the most bcrypt reads (one letter 72 times is refused since decision 0123).
        passwords.setPassword(token, "ab".repeat(36));
        assertThat(canSignIn(carol.email(), "ab".repeat(36))).isTrue();
    }

    @Test
    void changesAPasswordOnlyWithTheCurrentOne() {
        Caller alice = org.alice();
        assertThatThrownBy(() -> passwords.changePassword(alice, "not-my-password", NEW_PASSWORD))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> passwords.changePassword(alice, TestOrganisation.PASSWORD, "short"))
                .isInstanceOf(PasswordRefusedException.class);
        assertThat(canSignIn(alice.email(), TestOrganisation.PASSWORD)).isTrue();

        passwords.requestReset(alice.email());
        String pendingReset = mail.tokenTo(alice.email());
        passwords.changePassword(alice, TestOrganisation.PASSWORD, NEW_PASSWORD);

        assertThat(canSignIn(alice.email(), NEW_PASSWORD)).isTrue();
        assertThat(canSignIn(alice.email(), TestOrganisation.PASSWORD)).isFalse();
        assertThat(passwords.linkWorks(pendingReset))
                .as("a link sent before the change")
                .isFalse();
    }

    @Test
    void letsOnlyStaffOfTheClientsOrganisationInvite() {
        long before = mail.countTo(carol.email());

        assertThatThrownBy(() -> passwords.invite(other.owner(), carol.id()))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> passwords.invite(other.manager(), carol.id()))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> passwords.invite(org.alice(), carol.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> passwords.invite(org.manager(), org.owner().userId()))
                .as("staff are not clients")
                .isInstanceOf(ClientNotFoundException.class);

        assertThat(mail.countTo(carol.email())).isEqualTo(before);
        assertThat(mail.countTo(org.owner().email())).isZero();
        assertThat(accounts.access(other.owner(), List.of(carol.id())))
                .doesNotContainEntry(carol.id(), ClientAccess.INVITED);
    }

    @Test
    void updatesOnlyTheCallersOwnProfile() {
        Client bobBefore = accounts.client(org.manager(), org.bob().userId());

        Client alice = accounts.updateProfile(
                org.alice(), new ProfileChange(" Alice Renamed ", "New Co", "1 High Street\nLeeds", " GB999 "));

        assertThat(alice.name()).isEqualTo("Alice Renamed");
        assertThat(alice.company()).isEqualTo("New Co");
        assertThat(alice.billingAddress()).isEqualTo("1 High Street\nLeeds");
        assertThat(alice.vatNumber()).isEqualTo("GB999");
        assertThat(alice.email()).isEqualTo(org.alice().email());
        assertThat(accounts.client(org.manager(), org.bob().userId())).isEqualTo(bobBefore);
        assertThatThrownBy(() -> accounts.updateProfile(org.manager(), new ProfileChange("Staff", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.profile(org.owner())).isInstanceOf(AccessDeniedException.class);
    }
}
