package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.CallerAddress;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.SignedIn;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.time.Clock;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Console lists as cards on a 390 px phone. The licence list's column headings, which sort it, were hidden: a phone
 * could not sort the list, and Tab went through six sort links nobody could see; they are now a row above the cards.
 * A card's labels are in one type, whatever the type of their values, and a cell with nothing in it shows no label.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ConsoleCardsOnAPhoneBrowserTests {

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AccountManagement accounts;

    TestOrganisation org;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        licences.create(org.manager(), new NewLicence(monthly.id(), "Small hall", null, 2, null));
        licences.create(org.manager(), new NewLicence(monthly.id(), "Big hall", null, 40, null));
        licences.create(org.manager(), new NewLicence(monthly.id(), "Middle hall", null, 7, null));
        // A sign-in is recorded with no changes, from the address Tomcat gives: an IPv6 one in full
        try (var address = CallerAddress.of("2001:db8:0:0:0:0:0:7")) {
            events.publishEvent(new SignedIn(org.owner(), clock.instant()));
        }
    }

    @Test
    void theSortLinksAreShownAboveTheCardsAndSortTheList(Page page) {
        page.setViewportSize(390, 844);
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/licences");

        Locator sortLinks = page.locator("table.licence-table thead a.sort-link");
        Assertions.assertThat(sortLinks.count()).isEqualTo(6);
        for (int i = 0; i < sortLinks.count(); i++) {
            Locator link = sortLinks.nth(i);
            link.focus();
            var box = link.boundingBox();
            Assertions.assertThat(box.width)
                    .as("the width of sort link %s while it has the focus", link.textContent())
                    .isGreaterThan(20);
            Assertions.assertThat(box.x + box.width).isLessThanOrEqualTo(390);
        }
        Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);

        // A tap while the focus given above shows the table's keys caption: the press that takes the focus away hid
        // the caption, which moved the link away before the release now and then (decision 0102).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Screens")))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*sort=quantity.*"));
        assertThat(page.locator("table.licence-table tbody a.licence-name"))
                .hasText(new String[] {"Small hall", "Middle hall", "Big hall"});
    }

    /**
     * The list's keys caption shows while the keyboard is in the table. It took room only then: a press on a sort link
     * took the focus ring away, hid the caption and moved the link up by its height before the release (decision 0102).
     */
    @Test
    void theKeysCaptionMovesNothingWhenItShowsOrHides(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        for (int width : new int[] {390, 1366}) {
            page.setViewportSize(width, 844);
            page.navigate("/licences");
            Locator caption = page.locator("table.licence-table > caption");
            Locator screens =
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Screens")));
            Locator firstRow = page.locator("table.licence-table tbody tr").first();

            page.locator("table.licence-table thead a.sort-link").first().focus();
            page.keyboard().press("Tab");
            double linkWhileShown = top(screens);
            double rowWhileShown = top(firstRow);
            if (width == 390) {
                // On a phone the keys are for screen readers only, and keep no blank room above the cards.
                Assertions.assertThat(caption.boundingBox().height)
                        .as("the caption's height on a phone")
                        .isLessThanOrEqualTo(1);
            } else {
                assertThat(caption).hasCSS("opacity", "1");
                Assertions.assertThat(caption.boundingBox().height)
                        .as("the caption's height at %d px: a line or two", width)
                        .isLessThan(60);
            }

            page.evaluate("() => document.activeElement.blur()");
            Assertions.assertThat(top(screens))
                    .as("the sort link's top at %d px once the focus left the table", width)
                    .isEqualTo(linkWhileShown);
            Assertions.assertThat(top(firstRow)).isEqualTo(rowWhileShown);
            if (width != 390) {
                assertThat(caption).hasCSS("opacity", "0");
            }
            // Hidden from sight only: the table is still named by its keys for a screen reader.
            assertThat(page.getByRole(
                            AriaRole.TABLE,
                            new Page.GetByRoleOptions().setName(Pattern.compile("^Each row is one Tab stop"))))
                    .hasCount(1);
        }
    }

    /** Where an element is on the page, however far it is scrolled. */
    private static double top(Locator element) {
        return ((Number) element.evaluate("element => element.getBoundingClientRect().top + window.scrollY"))
                .doubleValue();
    }

    /**
     * A client's page has the client's name in its breadcrumb and as its heading: a long one without spaces wraps on the
     * screen.
     */
    @Test
    void aLongClientNameStaysWithinThePhonesWidth(Page page) {
        String name = "Zoë " + "N".repeat(150);
        Client client = accounts.addClient(
                org.manager(), new NewClient(name, "long-" + org.id() + "@example.test", null, null, null));
        page.setViewportSize(390, 844);
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/clients/" + client.id());

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
        Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        // And on a laptop, where its heading was as wide as the name.
        page.setViewportSize(1366, 768);
        Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(1366);
    }

    @Test
    void aCardsLabelsAreInTheSameTypeWhateverTheirValuesType(Page page) {
        page.setViewportSize(390, 844);
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/audit");
        Locator firstEntry = page.locator("table tbody tr").first();
        assertThat(firstEntry.locator("td.font-monospace")).isVisible();
        String script = "cell => getComputedStyle(cell, '::before').fontFamily"
                + " + ' ' + getComputedStyle(cell, '::before').fontSize";
        Assertions.assertThat(firstEntry.locator("td.font-monospace").evaluate(script))
                .as("the label of the address, a small monospace value")
                .isEqualTo(firstEntry.locator("td").nth(1).evaluate(script));
    }

    @Test
    void anEntryWithoutChangesShowsNoChangesLabelAndItsAddressCompressed(Page page) {
        page.setViewportSize(390, 844);
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/audit");

        Locator entry = page.locator("table tbody tr")
                .filter(new Locator.FilterOptions().setHasText(org.owner().email()))
                .filter(new Locator.FilterOptions().setHasText("Signed in"));
        assertThat(entry.locator("td.font-monospace")).hasText("2001:db8::7");
        // Hidden with its label: an empty cell, not a list element with nothing in it
        assertThat(entry.locator("td").last()).isHidden();
        assertThat(entry.locator("td").last()).isEmpty();

        page.setViewportSize(1366, 900);
        assertThat(entry.locator("td.font-monospace")).hasText("2001:db8::7");
    }
}
