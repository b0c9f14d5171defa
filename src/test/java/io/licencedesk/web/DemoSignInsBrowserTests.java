package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A newcomer who runs the demo and opens it without reading the README finds its accounts on the sign-in page
 * (decision 0119), and each one signs in as shown. Without the demo (every other test's context, and PostgreSQL) the
 * page shows none: {@code SignInIntegrationTests.showsNoDemoAccountsWithoutTheDemo}.
 */
@BrowserTest
@TestPropertySource(properties = "licencedesk.demo.enabled=true")
class DemoSignInsBrowserTests {

    @Test
    void theSignInPageListsTheDemoAccountsAndEachSignsInAsShown(Page page) {
        page.navigate("/login");
        Locator demo = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Demo accounts"));
        assertThat(demo.getByRole(AriaRole.ROW)).hasCount(4);
        assertThat(demo.getByRole(AriaRole.ROW).nth(1))
                .hasText(Pattern.compile("Owner\\s*admin@demo.test\\s*demo-admin"));
        assertThat(demo.getByRole(AriaRole.ROW).nth(2))
                .hasText(Pattern.compile("Account manager\\s*manager@demo.test\\s*demo-manager"));
        assertThat(demo.getByRole(AriaRole.ROW).nth(3))
                .hasText(Pattern.compile("Client\\s*client1@demo.test … client40@demo.test\\s*demo-client"));

        signInAsShownInRow(page, 2);
        assertThat(page).hasURL(Pattern.compile(".*/$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Dashboard");

        page.context().clearCookies();
        page.navigate("/login");
        signInAsShownInRow(page, 3);
        assertThat(page).hasURL(Pattern.compile(".*/portal.*"));
    }

    @Test
    void inFrenchOnAPhone(Page page) {
        page.setViewportSize(360, 800);
        page.navigate("/login?lang=fr");
        Locator demo = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Comptes de démonstration"));
        assertThat(demo.getByRole(AriaRole.ROW).nth(2))
                .hasText(Pattern.compile("Chargé de compte\\s*manager@demo.test\\s*demo-manager"));
        PhoneBrowserTests.fitsTheWidth(page, "/login?lang=fr");
    }

    /** Types the e-mail (the first, for the clients' row) and password the demo box shows in a row. */
    private static void signInAsShownInRow(Page page, int row) {
        Locator cells = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Demo accounts"))
                .getByRole(AriaRole.ROW)
                .nth(row)
                .locator("code");
        String email = cells.first().textContent();
        String password = cells.last().textContent();
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
