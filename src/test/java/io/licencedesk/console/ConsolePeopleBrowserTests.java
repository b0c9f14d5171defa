package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.SentLinks;
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
 * An owner opens People from the user menu, sees why they cannot step down alone, invites an account manager, makes
 * the manager an owner, and disables and re-enables them.
 */
@BrowserTest
class ConsolePeopleBrowserTests {

    @Autowired
    TestOrganisations organisations;

    @Autowired
    SentLinks mail;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
    }

    static Locator row(Page page, String name) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
    }

    @Test
    void invitesAManagerMakesThemAnOwnerAndDisablesAndEnablesThem(Page page) {
        SignIn.throughTheForm(page, org.owner().email());
        button(page, org.owner().name()).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/people$"));
        assertThat(page.getByText("You are the only enabled owner")).isVisible();
        assertThat(button(page, "Disable " + org.owner().name())).isDisabled();
        assertThat(button(page, "Change role of " + org.owner().name())).isDisabled();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Dana Manager");
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill("not an address");
        button(page, "Send invitation").click();
        assertThat(page.getByText("Enter an e-mail address such as")).isVisible();
        String dana = "dana-" + org.id() + "@example.test";
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(dana);
        button(page, "Send invitation").click();
        assertThat(toast(page, "Dana Manager is invited")).isVisible();
        assertThat(row(page, "Dana Manager")).containsText("Invited");
        assertThat(row(page, "Dana Manager")).containsText("Account manager");
        Assertions.assertThat(Accessibility.labelsNotInTheirNames(page))
                .as("buttons whose visible words are not within their accessible names")
                .isEmpty();
        Assertions.assertThat(mail.latestText(dana)).isPresent();

        row(page, org.manager().name())
                .getByLabel("Role of " + org.manager().name(), new Locator.GetByLabelOptions().setExact(true))
                .selectOption("OWNER");
        button(page, "Change role of " + org.manager().name()).click();
        assertThat(toast(page, "is now Owner")).isVisible();
        assertThat(page.getByText("You are the only enabled owner")).hasCount(0);
        assertThat(button(page, "Disable " + org.owner().name())).isEnabled();

        button(page, "Disable " + org.manager().name()).click();
        assertThat(toast(page, "is disabled")).isVisible();
        assertThat(row(page, org.manager().name())).containsText("Disabled");
        button(page, "Enable " + org.manager().name()).click();
        assertThat(toast(page, "can sign in again")).isVisible();
        assertThat(row(page, org.manager().name())).containsText("Active");
    }

    @Test
    void aNameTypedAsOneLongWordDoesNotWidenThePage(Page page) {
        SignIn.throughTheForm(page, org.owner().email());
        page.navigate("/people");
        String longName = "n".repeat(200);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(longName);
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true))
                .fill("long-" + org.id() + "@example.test");
        button(page, "Send invitation").click();
        assertThat(toast(page, "is invited")).isVisible();

        for (int width : new int[] {1366, 390}) {
            page.setViewportSize(width, 800);
            page.navigate("/people");
            assertThat(row(page, longName)).isVisible();
            Object widths =
                    page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assertions.assertThat((java.util.List<?>) widths)
                    .as("page width at %d px", width)
                    .satisfies(both -> Assertions.assertThat(((Number) both.get(0)).intValue())
                            .isLessThanOrEqualTo(((Number) both.get(1)).intValue()));
        }
    }

    /**
     * People is an owner's page. An account manager who follows a link to it was told "Account managers use the
     * console", which they were doing: the page now says that owners alone open it and what to ask them.
     */
    @Test
    void anAccountManagerSentToPeopleIsToldItIsForOwnersAndWhatToAsk(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/people");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not for you")))
                .isVisible();
        assertThat(page.getByText("Only your organisation's owners may open this page"))
                .isVisible();
        assertThat(page.getByText("Account managers use the console")).hasCount(0);

        page.navigate("/portal/profile");
        assertThat(page.getByText("clients use the client portal")).isVisible();
        assertThat(page.getByText("Only your organisation's owners")).hasCount(0);
    }

    /**
     * A form opened in an earlier session (signed out since, or signed in again in another tab) is refused for its
     * CSRF token. The page said "You are signed in, but this page is not part of what your account may see", to
     * someone signed out, or to an owner on their own page; it now says that the form expired and nothing changed.
     */
    @Test
    void aFormFromAnEarlierSessionIsRefusedAsExpiredAndChangesNothing(Page page) {
        SignIn.throughTheForm(page, org.owner().email());
        page.navigate("/people");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Late Invite");
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true))
                .fill("late-" + org.id() + "@example.test");

        page.context().clearCookies();
        button(page, "Send invitation").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This form has expired")))
                .isVisible();
        // The tab's title, the first thing a screen reader reads, says the same as the heading.
        assertThat(page).hasTitle("This form has expired · LicenceDesk");
        assertThat(page.getByText("nothing was changed")).isVisible();
        assertThat(page.getByText("You are signed in")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in again")))
                .isVisible();

        Page other = page.context().newPage();
        SignIn.throughTheForm(other, org.owner().email());
        page.navigate("/people");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Late Invite");
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true))
                .fill("late-" + org.id() + "@example.test");
        page.context().clearCookies();
        SignIn.throughTheForm(other, org.owner().email());
        button(page, "Send invitation").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This form has expired")))
                .isVisible();
        assertThat(page.getByText("Not for you")).hasCount(0);

        other.navigate("/people");
        assertThat(row(other, "Late Invite")).hasCount(0);
    }
}
