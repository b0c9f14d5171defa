package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.disabledPageLink;
import static io.licencedesk.support.PageParts.link;

import com.microsoft.playwright.Page;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Previous on the first page and Next on the last were greyed links that Tab still reached and Enter followed (to
 * "#"). They are no links now: the keyboard passes them by, and a screen reader hears them as disabled. The licence
 * list's pager (cursors) and the shared one of the clients, invoices, outbox and portal lists (pages).
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class PagerKeyboardBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    AccountManagement accounts;

    TestOrganisation org;

    @BeforeAll
    void elevenLicencesAndTwentySixClients() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        for (int number = 1; number <= 11; number++) {
            licences.create(
                    org.manager(), new NewLicence(monthly.id(), "Screen %02d".formatted(number), null, 1, null));
        }
        for (int number = 1; number <= 24; number++) { // with Alice and Bob: 26, two pages of 25
            accounts.addClient(
                    org.manager(),
                    new NewClient(
                            "Pager client %02d".formatted(number),
                            "pager-%d-%02d@example.com".formatted(org.id(), number),
                            null,
                            null,
                            null));
        }
    }

    /** The text, or else the label, of what has the keyboard's focus. */
    static String focused(Page page) {
        return (String) page.evaluate("() => { const el = document.activeElement;"
                + " return (el.getAttribute('aria-label') || el.textContent || '').trim(); }");
    }

    @Test
    void theLicenceListsFirstAndLastPagesLeaveTheirDeadLinksOutOfTheTabOrder(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/licences?size=10");

        assertThat(link(page, "‹ Previous")).hasCount(0);
        assertThat(link(page, "First page")).hasCount(0);
        assertThat(disabledPageLink(page, "‹ Previous")).hasAttribute("aria-disabled", "true");
        assertThat(disabledPageLink(page, "First page")).isVisible();
        link(page, "Next ›").focus();
        page.keyboard().press("Shift+Tab");
        Assertions.assertThat(focused(page)).isNotIn("‹ Previous", "First page", "Next ›");

        link(page, "Next ›").click();
        assertThat(page).hasURL(Pattern.compile(".*after=.*"));
        assertThat(link(page, "Next ›")).hasCount(0);
        assertThat(link(page, "Last page")).hasCount(0);
        assertThat(disabledPageLink(page, "Next ›")).hasAttribute("aria-disabled", "true");
        link(page, "‹ Previous").focus();
        page.keyboard().press("Tab");
        Assertions.assertThat(focused(page)).isNotIn("Next ›", "Last page", "‹ Previous");
    }

    @Test
    void theSharedPagerLeavesItsDeadLinksOutOfTheTabOrder(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/clients");

        assertThat(link(page, "‹ Previous")).hasCount(0);
        assertThat(disabledPageLink(page, "‹ Previous")).hasAttribute("aria-disabled", "true");
        link(page, "Next ›").focus();
        page.keyboard().press("Shift+Tab");
        Assertions.assertThat(focused(page)).isNotEqualTo("‹ Previous");

        link(page, "Next ›").click();
        assertThat(page.getByText("Page 2 of 2")).isVisible();
        assertThat(link(page, "Next ›")).hasCount(0);
        assertThat(disabledPageLink(page, "Next ›")).hasAttribute("aria-disabled", "true");
        link(page, "‹ Previous").focus();
        page.keyboard().press("Tab");
        Assertions.assertThat(focused(page)).isNotEqualTo("Next ›");
    }
}
