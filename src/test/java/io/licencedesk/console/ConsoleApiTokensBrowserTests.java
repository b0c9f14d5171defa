package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.PageParts;
import io.licencedesk.support.Screenshots;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff make an API token from their menu, copy its secret the one time it is shown, find it listed by its prefix and
 * revoke it; owners also reach the page from Settings.
 */
@BrowserTest
class ConsoleApiTokensBrowserTests {

    static final Pattern SECRET = Pattern.compile("ldk_live_[A-Za-z0-9_-]{43}");

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
    }

    @Test
    void makesATokenShowsItsSecretOnceListsItByItsPrefixAndRevokesIt(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        button(page, org.manager().name()).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/api-tokens$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API tokens")))
                .isVisible();
        assertThat(page.getByText("You have no API tokens yet.")).isVisible();

        button(page, "Make token").click();
        assertThat(page.getByText("Give the token a name, so that you can tell it apart later."))
                .isVisible();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .isFocused();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Shop (production)");
        page.getByLabel("Read and write").check();
        String lastDay = LocalDate.now(clock).plusDays(30).toString();
        page.getByLabel("Last day (optional)").fill(lastDay);
        button(page, "Make token").click();

        Locator shown = page.locator("#new-token");
        assertThat(shown).containsText("it will not be shown again");
        assertThat(shown.locator("code")).hasText(SECRET);
        String secret = shown.locator("code").textContent();
        assertThat(toast(page, "Token “Shop (production)” made.")).isVisible();
        page.waitForLoadState(LoadState.LOAD);
        shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))
                .click();
        assertThat(toast(page, "API token copied to the clipboard")).isVisible();
        Assertions.assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(secret);

        Locator row = page.locator("#api-tokens tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Shop (production)"));
        assertThat(row).containsText(secret.substring(0, 15) + "…");
        assertThat(row).not().containsText(secret);
        assertThat(row).containsText("Read and write");
        assertThat(row).containsText("Never");
        assertThat(row).containsText("Active");
        Screenshots.save(page, "api-tokens.png");

        page.reload();
        assertThat(page.locator("#new-token")).hasCount(0);
        assertThat(page.getByText(secret)).hasCount(0);
        assertThat(row).containsText("Active");

        page.onDialog(dialog -> Assertions.fail("a native dialog: " + dialog.message()));
        button(page, "Revoke the token Shop (production)").click();
        PageParts.confirm(page, "Shop (production)", "Revoke");
        assertThat(toast(page, "Token “Shop (production)” revoked")).isVisible();
        assertThat(row).containsText("Revoked");
        assertThat(button(page, "Revoke the token Shop (production)")).hasCount(0);
    }

    @Test
    void ownersReachItFromSettingsAndItFitsANarrowPhone(Page page) {
        SignIn.throughTheForm(page, org.owner().email());
        page.navigate("/settings");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage your API tokens"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/api-tokens$"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))
                .fill("A rather long token name for the nightly export to accounting");
        button(page, "Make token").click();
        assertThat(page.locator("#new-token code")).hasText(SECRET);

        page.setViewportSize(390, 844);
        page.reload();
        Assertions.assertThat(
                        page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no horizontal scroll at 390 px")
                .isEqualTo(true);
    }
}
