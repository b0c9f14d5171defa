package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/** Who lands where after signing in, what a client may not see, and signing out. */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class SignInBrowserTests {

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
    }

    @Test
    void sendsAnAccountManagerBackToTheLicenceListAfterSigningIn(Page page) {
        page.navigate("/licences");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        page.getByLabel("E-mail").fill(org.manager().email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page).hasURL(Pattern.compile(".*/licences(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Licences")))
                .isVisible();
    }

    @Test
    void refusesAWrongPassword(Page page) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(org.manager().email());
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page).hasURL(Pattern.compile(".*/login\\?failed$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong e-mail or password.");
        // A screen reader hears why on the fields themselves, not only in the alert read once when the page loads.
        for (String field : new String[] {"E-mail", "Password"}) {
            assertThat(page.getByLabel(field)).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel(field)).hasAccessibleDescription("Wrong e-mail or password.");
        }
        // The e-mail is kept: the keyboard starts at the password, the field to type again.
        assertThat(page.getByLabel("E-mail")).hasValue(org.manager().email());
        assertThat(page.getByLabel("Password")).isFocused();
    }

    @Test
    void startsARefusedSignInWithoutItsEMailAtTheEMail(Page page) {
        // A refusal whose e-mail was not kept (a new session, an address too long to keep): the e-mail is empty.
        page.navigate("/login?failed");
        assertThat(page.getByLabel("E-mail")).hasValue("");
        assertThat(page.getByLabel("E-mail")).isFocused();
    }

    @Test
    void sendsAClientToThePortalAndRefusesThemTheConsole(Page page) {
        SignIn.throughTheForm(page, org.alice().email());
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My licences")))
                .isVisible();

        var response = page.navigate("/licences");

        Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not for you")))
                .isVisible();
        assertThat(page.getByText(org.manager().email())).hasCount(0);
    }

    @Test
    void signsOut(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        signOutThroughTheMenu(page, "Sign out");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
        assertThat(page.getByRole(AriaRole.STATUS)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("You have been signed out.")))
                .isVisible();
        page.navigate("/licences");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    /**
     * Signed out in another tab (or timed out, or ended by a password or role change), "Sign out" in this one was
     * answered "This form has expired … Open the page again and send the form from there", to someone who was already
     * signed out, as they asked. They land on the sign-in page, told they are signed out, in their language (decision
     * 0123).
     */
    @Test
    void signsOutOfATabWhoseSessionEndedInAnother(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        Page other = page.context().newPage();
        other.navigate("/licences?lang=fr");
        signOutThroughTheMenu(other, "Se déconnecter");
        assertThat(other).hasURL(Pattern.compile(".*/login\\?signedOut$"));
        other.close();

        signOutThroughTheMenu(page, "Sign out");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
        assertThat(page.getByText("This form has expired")).hasCount(0);
        assertThat(page.getByRole(AriaRole.STATUS)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("Vous êtes déconnecté.")))
                .isVisible();
    }

    /** Opens the manager's menu and presses its sign-out button, named in the page's language. */
    private void signOutThroughTheMenu(Page page, String signOut) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(org.manager().name()))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(signOut))
                .click();
    }
}
