package io.licencedesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.PageParts;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A client makes an API token from their profile, copies it the one time it is shown, and revokes it. */
@BrowserTest
class PortalApiTokensBrowserTests {

    static final Pattern SECRET = Pattern.compile("ldk_live_[A-Za-z0-9_-]{43}");

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
    }

    @Test
    void makesATokenFromTheProfileShowsItOnceAndRevokesIt(Page page) {
        PortalProfileBrowserTests.signIn(page, org.alice().email(), TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage your API tokens"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/portal/profile/api-tokens$"));
        assertThat(page.getByLabel("Read only")).isChecked();

        PageParts.label(page, "Name").fill("Shop");
        PageParts.button(page, "Make token").click();

        Locator shown = page.locator("#new-token");
        assertThat(shown).containsText("it will not be shown again");
        assertThat(shown.locator("code")).hasText(SECRET);
        String secret = shown.locator("code").textContent();
        page.waitForLoadState(LoadState.LOAD);
        // The keyboard starts at the secret shown only this once, its Copy button the next Tab (not the menu's links).
        assertThat(shown).isFocused();
        page.keyboard().press("Tab");
        assertThat(shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")))
                .isFocused();
        shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))
                .click();
        assertThat(PageParts.status(page, "API token copied to the clipboard")).isVisible();
        Assertions.assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(secret);

        Locator row = page.locator("#api-tokens tbody tr").filter(new Locator.FilterOptions().setHasText("Shop"));
        assertThat(row).containsText(secret.substring(0, 15) + "…");
        assertThat(row).containsText("Read only");
        assertThat(row).containsText("Active");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.locator("#new-token")).hasCount(0);
        Assertions.assertThat(
                        page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no horizontal scroll at 390 px")
                .isEqualTo(true);

        page.onDialog(dialog -> Assertions.fail("a native dialog: " + dialog.message()));
        PageParts.button(page, "Revoke the token Shop").click();
        PageParts.confirm(page, "Shop", "Revoke");
        assertThat(PageParts.status(page, "Token “Shop” revoked")).isVisible();
        assertThat(row).containsText("Revoked");
        assertThat(PageParts.button(page, "Revoke the token Shop")).hasCount(0);
    }
}
