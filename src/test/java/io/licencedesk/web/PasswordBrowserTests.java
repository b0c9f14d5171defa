package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.label;
import static io.licencedesk.support.PageParts.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Inbox;
import io.licencedesk.support.Screenshots;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Invitations and password resets end to end: staff invite a client in the console, the dispatcher
 * e-mails the link over SMTP (GreenMail), the client opens it, chooses a password and signs in; a
 * second use shows the expired page. And each role lands in its own place after signing in.
 */
@BrowserTest
@TestPropertySource(
        properties = {
            "spring.mail.host=127.0.0.1",
            "licencedesk.mail.poll-interval=PT0.2S",
            "licencedesk.base-url=https://licencedesk.example.test"
        })
class PasswordBrowserTests {

    static final int SMTP_PORT = Inbox.freePort();
    static final String CHOSEN = "granite kettle lighthouse";

    @RegisterExtension
    static GreenMailExtension smtp = Inbox.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
    }

    static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    static void choosePassword(Page page, String linkPath, String password) {
        page.navigate(linkPath);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your password")))
                .isVisible();
        label(page, "New password").fill(password);
        label(page, "Confirm the new password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();
    }

    @Test
    void staffInviteAClientWhoChoosesAPasswordAndSignsIn(Page page) throws Exception {
        String email = "carol-" + org.id() + "@example.test";
        signIn(page, org.manager().email(), TestOrganisation.PASSWORD);
        page.navigate("/clients/new");
        label(page, "Name").fill("Carol Browser");
        label(page, "E-mail").fill(email);
        assertThat(label(page, "Send an invitation e-mail")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();

        assertThat(status(page, "Client Carol Browser added and invited by e-mail."))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email)))
                .containsText("Invited");
        Screenshots.save(page, "clients-invited.png");

        MimeMessage invitation = Inbox.latestTo(smtp, email, 1);
        Assertions.assertThat(invitation.getSubject()).startsWith("Your LicenceDesk account with Org ");
        Assertions.assertThat(Inbox.plainText(invitation))
                .contains("Hello Carol Browser", "https://licencedesk.example.test/password/set?token=");
        String link = Inbox.linkPath(invitation);

        page.context().clearCookies();
        page.navigate(link);
        assertThat(page.getByText("for " + email)).isVisible();
        Screenshots.save(page, "choose-password.png");
        choosePassword(page, link, CHOSEN);

        assertThat(page).hasURL(Pattern.compile(".*/login\\?passwordSet$"));
        assertThat(status(page, "Your password is set.")).isVisible();
        assertThat(page.getByLabel("E-mail")).hasValue(email);
        assertThat(page.getByLabel("Password")).isFocused();
        signIn(page, email, CHOSEN);
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My licences")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carol Browser")))
                .isVisible();

        page.navigate(link);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("This link has expired or was already used")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send me a new link")))
                .isVisible();
        Screenshots.save(page, "password-link-used.png");
    }

    @Test
    void resetsAForgottenPasswordThroughTheEmailedLink(Page page) throws Exception {
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                .click();
        label(page, "E-mail").fill(org.alice().email().toUpperCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link"))
                .click();
        assertThat(status(page, "If an account exists for that address, we have sent a link."))
                .isVisible();
        Screenshots.save(page, "forgot-password-sent.png");

        page.navigate("/password/forgot");
        label(page, "E-mail").fill("nobody-" + org.id() + "@example.test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link"))
                .click();
        assertThat(status(page, "If an account exists for that address, we have sent a link."))
                .isVisible();

        MimeMessage reset = Inbox.latestTo(smtp, org.alice().email(), 1);
        Assertions.assertThat(reset.getSubject()).isEqualTo("Reset your LicenceDesk password");
        choosePassword(page, Inbox.linkPath(reset), "short");
        assertThat(page.getByText("Use at least 10 characters.")).isVisible();
        // The refused form takes the link's address, so that reloading it or coming back to it never posts it again.
        assertThat(page).hasURL(Pattern.compile(".*/password/set\\?token=[^&]+$"));
        label(page, "New password").fill(CHOSEN);
        label(page, "Confirm the new password").fill(CHOSEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();

        assertThat(page).hasURL(Pattern.compile(".*/login\\?passwordSet$"));
        signIn(page, org.alice().email(), TestOrganisation.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?failed$"));
        signIn(page, org.alice().email(), CHOSEN);
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        Assertions.assertThat(smtp.getReceivedMessages()).noneMatch(message -> {
            try {
                return message.getAllRecipients()[0].toString().startsWith("nobody-");
            } catch (Exception unreadable) {
                return false;
            }
        });
    }

    @Test
    void sendsClientsToThePortalAndStaffToTheConsoleAndNeverTheOtherWay(Page page) {
        signIn(page, org.alice().email(), TestOrganisation.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        Assertions.assertThat(page.navigate("/licences").status()).isEqualTo(403);

        page.context().clearCookies();
        signIn(page, org.manager().email(), TestOrganisation.PASSWORD);
        assertThat(page).hasURL(Pattern.compile("^http://localhost:\\d+/$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        Assertions.assertThat(page.navigate("/portal").status()).isEqualTo(403);
        Assertions.assertThat(page.navigate("/portal/profile").status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not for you")))
                .isVisible();
    }
}
