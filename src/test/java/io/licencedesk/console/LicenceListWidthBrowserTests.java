package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.BrowserTest;
import java.math.BigDecimal;
import java.time.Period;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a 1366 px desktop the licence list fits its card, in French (longer words) as in English, with a 10,000-screen
 * licence's large amount: a row's actions are on screen, not scrolled off to the right of the table.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class LicenceListWidthBrowserTests {

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    UserLanguages languages;

    @Autowired
    PlanCatalogue plans;

    TestOrganisation org;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan premium = plans.addPlan(
                org.owner(),
                new NewPlan("Annual premium with on-site support", Period.ofYears(1), new BigDecimal("100.00")));
        // active and ending within the expiring-soon window: "Active · bientôt expirée" beside "Non facturée"
        testLicences.activated(
                org.owner(),
                premium,
                org.bob().userId(),
                "Warehouse dashboards and loading-bay displays",
                testLicences.today().minusYears(1).plusDays(5));
        licences.create(
                org.manager(),
                new NewLicence(
                        premium.id(),
                        "Every screen of the airport terminals, gates and lounges",
                        null,
                        10_000,
                        org.alice().userId()));
        languages.choose(org.manager(), Language.FR);
    }

    @Test
    void aRowsActionsAreInsideTheCardInFrench(Page page) {
        everyRowsActionsFit(page, org.manager(), "1.000.000,00.€");
    }

    @Test
    void aRowsActionsAreInsideTheCardInEnglish(Page page) {
        everyRowsActionsFit(page, org.owner(), "€1,000,000\\.00");
    }

    void everyRowsActionsFit(Page page, Caller who, String largeAmount) {
        page.setViewportSize(1366, 800);
        SignIn.throughTheForm(page, who.email());
        page.navigate("/licences");
        Locator table = page.locator("table.licence-table");
        assertThat(table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Every screen")))
                .containsText(Pattern.compile(largeAmount));
        Locator scroller = page.locator(".table-responsive").first();
        double visibleRight = rightEdge(scroller);
        Assertions.assertThat(visibleRight).isLessThanOrEqualTo(1366);
        Locator buttons = table.locator("tbody tr td:last-child :is(a, button)");
        Assertions.assertThat(buttons.count()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < buttons.count(); i++) {
            Assertions.assertThat(rightEdge(buttons.nth(i)))
                    .as("the right edge of action %d, in a table shown up to %s px", i, visibleRight)
                    .isLessThanOrEqualTo(visibleRight);
        }
        Assertions.assertThat(table.evaluate("t => t.parentElement.scrollWidth - t.parentElement.clientWidth"))
                .as("how far the table scrolls sideways in its card")
                .isEqualTo(0);
    }

    /**
     * Export and Import were two links in a block, a space's width apart (4 px): "Exporter" and "Importer" nearly
     * touched. They (and Export for Excel between them) stand as far apart as the filter buttons beside them, on a
     * laptop and on a phone, in both languages.
     */
    @Test
    void exportAndImportStandAsFarApartAsTheFilterButtons(Page page) {
        for (boolean french : new boolean[] {true, false}) {
            page.context().clearCookies();
            SignIn.throughTheForm(page, (french ? org.manager() : org.owner()).email());
            for (int width : new int[] {1366, 390}) {
                page.setViewportSize(width, 800);
                page.navigate("/licences");
                double filters = gap(
                        named(page, AriaRole.BUTTON, french ? "Bientôt expirées" : "Expiring soon"),
                        named(page, AriaRole.BUTTON, french ? "Expirées" : "Expired"));
                // Export for Excel (decision 0138) stands between the two.
                Locator forExcel =
                        named(page, AriaRole.LINK, french ? "Exporter pour Excel (;)" : "Export for Excel (;)");
                double exportForExcel = gap(named(page, AriaRole.LINK, french ? "Exporter" : "Export"), forExcel);
                double forExcelImport = gap(forExcel, named(page, AriaRole.LINK, french ? "Importer" : "Import"));
                Assertions.assertThat(filters)
                        .as("the gap between the filter buttons at %d px", width)
                        .isPositive();
                Assertions.assertThat(exportForExcel)
                        .as("the gap after Export at %d px, %s", width, french ? "French" : "English")
                        .isCloseTo(filters, Assertions.within(0.5));
                Assertions.assertThat(forExcelImport)
                        .as("the gap before Import at %d px, %s", width, french ? "French" : "English")
                        .isCloseTo(filters, Assertions.within(0.5));
            }
        }
    }

    static Locator named(Page page, AriaRole role, String name) {
        return page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The room between two buttons: across, side by side; down, when the second has wrapped under the first. */
    static double gap(Locator first, Locator second) {
        var one = first.boundingBox();
        var two = second.boundingBox();
        return Math.abs(one.y - two.y) < 1 ? two.x - (one.x + one.width) : two.y - (one.y + one.height);
    }

    static double rightEdge(Locator locator) {
        var box = locator.boundingBox();
        return box.x + box.width;
    }
}
