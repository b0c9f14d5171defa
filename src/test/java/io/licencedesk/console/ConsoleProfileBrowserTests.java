package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.label;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An account manager opens their profile from the user menu, changes their name and password, and signs in again. */
@BrowserTest
class ConsoleProfileBrowserTests {

    static final String CHOSEN = "granite kettle lighthouse";

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
    }

    @Test
    void changesTheirNameAndPasswordFromTheUserMenu(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        button(page, org.manager().name()).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")))
                .hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/profile$"));
        assertThat(label(page, "E-mail")).hasValue(org.manager().email());
        assertThat(label(page, "Role")).hasValue("Account manager");

        label(page, "Name").fill("");
        button(page, "Save details").click();
        assertThat(page.getByText("Enter a name.")).isVisible();
        label(page, "Name").fill("Margaret Manager");
        button(page, "Save details").click();
        assertThat(toast(page, "Your details are saved.")).isVisible();
        assertThat(button(page, "Margaret Manager")).isVisible();

        label(page, "Current password").fill("not my password");
        label(page, "New password").fill(CHOSEN);
        label(page, "Confirm the new password").fill(CHOSEN);
        button(page, "Change password").click();
        assertThat(page.getByText("This is not your current password.")).isVisible();

        label(page, "Current password").fill(TestOrganisation.PASSWORD);
        label(page, "New password").fill(CHOSEN);
        label(page, "Confirm the new password").fill(CHOSEN);
        button(page, "Change password").click();
        assertThat(toast(page, "Your password is changed.")).isVisible();

        button(page, "Margaret Manager").click();
        button(page, "Sign out").click();
        page.navigate("/login");
        page.getByLabel("E-mail").fill(org.manager().email());
        page.getByLabel("Password").fill(CHOSEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
