package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.Accessibility;
import io.licencedesk.support.BrowserTest;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account manager opens a client's page from the clients list, sends them a password link, disables their portal
 * access and gives it back.
 */
@BrowserTest
class ConsoleClientDetailsBrowserTests {

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
    }

    @Test
    void opensAClientSendsAPasswordLinkAndDisablesAndEnablesTheirAccess(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Clients").setExact(true))
                .click();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(org.alice().name()).setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/clients/" + org.alice().userId() + "$"));
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(org.alice().name())))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Billing details")))
                .isVisible();
        assertThat(page.getByText("No licences yet.")).isVisible();
        Assertions.assertThat(Accessibility.labelsNotInTheirNames(page))
                .as("buttons whose visible words are not within their accessible names")
                .isEmpty();

        button(page, "Send password link to " + org.alice().name()).click();
        assertThat(toast(page, "A link to choose a new password is on its way")).isVisible();

        button(page, "Disable portal access for " + org.alice().name()).click();
        assertThat(toast(page, "is disabled")).isVisible();
        assertThat(page.locator("#access-state")).hasText("Disabled");
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions()
                                .setName("Portal access disabled")
                                .setExact(true)))
                .isVisible();

        Assertions.assertThat(Accessibility.labelsNotInTheirNames(page)).isEmpty();
        button(page, "Enable portal access for " + org.alice().name()).click();
        assertThat(toast(page, "can sign in to the portal again")).isVisible();
        assertThat(page.locator("#access-state")).hasText("Active");
    }
}
