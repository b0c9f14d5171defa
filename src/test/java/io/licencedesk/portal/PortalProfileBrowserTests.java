package io.licencedesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.label;
import static io.licencedesk.support.PageParts.status;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A client changes their name and password on the profile page, then signs in again with the new password. */
@BrowserTest
class PortalProfileBrowserTests {

    static final String CHOSEN = "granite kettle lighthouse";

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

    @Test
    void changesTheNameAndPasswordAndSignsInWithTheNewPassword(Page page) {
        signIn(page, org.alice().email(), TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/portal/profile$"));
        assertThat(label(page, "E-mail")).hasValue(org.alice().email());
        assertThat(label(page, "E-mail")).not().isEditable();

        label(page, "Name").fill("");
        button(page, "Save details").click();
        assertThat(page.getByText("Enter your name.")).isVisible();
        assertThat(label(page, "Name")).isFocused();

        label(page, "Name").fill("Alice Liddell");
        label(page, "VAT number").fill("GB 123 4567 89");
        button(page, "Save details").click();
        assertThat(status(page, "Your details are saved.")).isVisible();
        assertThat(label(page, "Name")).hasValue("Alice Liddell");
        assertThat(button(page, "Alice Liddell")).isVisible();
        Screenshots.save(page, "profile.png");

        label(page, "Current password").fill("not my password");
        label(page, "New password").fill(CHOSEN);
        label(page, "Confirm the new password").fill(CHOSEN);
        button(page, "Change password").click();
        assertThat(page.getByText("This is not your current password.")).isVisible();
        // The refused form takes the profile's address: reloading it reads the page instead of posting the form again.
        assertThat(page).hasURL(Pattern.compile(".*/portal/profile$"));

        label(page, "Current password").fill(TestOrganisation.PASSWORD);
        label(page, "New password").fill(CHOSEN);
        label(page, "Confirm the new password").fill(CHOSEN);
        button(page, "Change password").click();
        assertThat(status(page, "Your password is changed.")).isVisible();

        button(page, "Alice Liddell").click();
        button(page, "Sign out").click();
        signIn(page, org.alice().email(), TestOrganisation.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?failed$"));
        signIn(page, org.alice().email(), CHOSEN);
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My licences")))
                .isVisible();
        assertThat(button(page, "Alice Liddell")).isVisible();
    }

    /**
     * On a phone whose browser asks for English, a client chooses French and signs out: the sign-in page and "Forgot
     * your password?" were English, the choice being read only while signed in (decision 0176).
     */
    @Test
    void aClientWhoChoseFrenchIsSignedOutToFrenchPages(Page page) {
        page.setViewportSize(390, 844);
        signIn(page, org.alice().email(), TestOrganisation.PASSWORD);
        page.navigate("/portal/profile");
        page.getByLabel("Language of the portal, your e-mails and your invoices")
                .selectOption("fr");
        button(page, "Save language").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre profil")))
                .isVisible();

        button(page, "Menu").click();
        button(page, org.alice().name()).click();
        button(page, "Se déconnecter").click();

        assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion à LicenceDesk")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mot de passe oublié\u00a0?"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mot de passe oublié\u00a0?")))
                .isVisible();
    }
}
