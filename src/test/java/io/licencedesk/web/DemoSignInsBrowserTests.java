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
        Locator accounts = demoAccounts(page, "Demo accounts");
        assertThat(accounts).hasCount(3);
        assertThat(accounts.nth(0)).hasText(Pattern.compile("Owner\\s*admin@demo.test\\s*/\\s*Password\\s*demo-admin"));
        assertThat(accounts.nth(1))
                .hasText(Pattern.compile("Account manager\\s*manager@demo.test\\s*/\\s*Password\\s*demo-manager"));
        assertThat(accounts.nth(2))
                .hasText(Pattern.compile(
                        "Client\\s*client1@demo.test\\s*…\\s*client40@demo.test\\s*/\\s*Password\\s*demo-client"));

        signInAsShown(page, accounts.nth(1));
        assertThat(page).hasURL(Pattern.compile(".*/$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Dashboard");

        page.context().clearCookies();
        page.navigate("/login");
        signInAsShown(page, demoAccounts(page, "Demo accounts").nth(2));
        assertThat(page).hasURL(Pattern.compile(".*/portal.*"));
    }

    @Test
    void inFrenchOnAPhone(Page page) {
        page.setViewportSize(360, 800);
        page.navigate("/login?lang=fr");
        assertThat(demoAccounts(page, "Comptes de démonstration").nth(1))
                .hasText(Pattern.compile("Chargé de compte\\s*manager@demo.test\\s*/\\s*Mot de passe\\s*demo-manager"));
        PhoneBrowserTests.fitsTheWidth(page, "/login?lang=fr");
    }

    private static Locator demoAccounts(Page page, String heading) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(heading))
                .getByRole(AriaRole.LISTITEM);
    }

    /** Types the e-mail (the first, for the clients) and the password the demo box shows for one of its accounts. */
    private static void signInAsShown(Page page, Locator account) {
        Locator values = account.locator("code");
        String email = values.first().textContent();
        String password = values.last().textContent();
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
