package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.Accessibility;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console and the portal on a phone (390×844, decision 0054): no page scrolls sideways, lists become cards, the
 * menu opens, and axe finds nothing at this width either. With {@code -Dscreenshots} it saves docs/screenshots/phone-*.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class PhoneBrowserTests {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;
    long activeLicence;
    long invoiceId;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        Plan yearly = fixture.yearlyPlan(org);
        long alice = org.alice().userId();
        licences.create(org.manager(), new NewLicence(monthly.id(), "Spare screens for the trade fair", null, 3, null));
        licences.create(
                org.manager(),
                new NewLicence(yearly.id(), "Kiosk", null, 2, org.bob().userId()));
        activeLicence = testLicences.activated(
                org.owner(),
                yearly,
                alice,
                "Reception and lobby",
                testLicences.today().minusDays(20));
        long billed = licences.create(org.manager(), new NewLicence(yearly.id(), "Window displays", null, 4, alice))
                .id();
        invoiceId =
                invoicing.send(org.manager(), List.of(billed)).issued().get(0).id();
    }

    static void signIn(Page page, Caller caller) {
        page.setViewportSize(WIDTH, HEIGHT);
        page.navigate("/login");
        fitsTheWidth(page, "/login");
        page.getByLabel("E-mail").fill(caller.email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }

    /** Nothing wider than the screen: the page does not scroll sideways. */
    static void fitsTheWidth(Page page, String path) {
        Object[] widths = ((List<?>) page.evaluate(
                        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"))
                .toArray();
        Assertions.assertThat(((Number) widths[0]).intValue())
                .as("the width of %s at %d px", path, WIDTH)
                .isLessThanOrEqualTo(((Number) widths[1]).intValue());
    }

    static void visit(Page page, String path, String screenshot) {
        page.navigate(path);
        assertThat(page.locator("h1").first()).isVisible();
        fitsTheWidth(page, path);
        if (screenshot != null) {
            Screenshots.save(page, screenshot);
        }
    }

    /** "€126,766.67" and "126 766,67 €" were wider than their tile: the dashboard scrolled sideways (417 px). */
    @Test
    void aLargeRecurringRevenueFitsItsTileInBothLanguages(Page page) {
        TestOrganisation large = organisations.create();
        Plan costly =
                plans.addPlan(large.owner(), new NewPlan("Costly", Period.ofMonths(1), new BigDecimal("126766.67")));
        testLicences.activated(
                large.owner(),
                costly,
                large.alice().userId(),
                "Flagship",
                testLicences.today().minusDays(3));
        languages.choose(large.manager(), Language.FR);

        for (Caller caller : List.of(large.owner(), large.manager())) {
            page.context().clearCookies();
            signIn(page, caller);
            page.navigate("/dashboard");
            Locator tile = page.locator(".tile-figure").nth(1);
            assertThat(tile).containsText(Pattern.compile("126[,\\u202f\\u00a0 ]766[.,]67"));
            fitsTheWidth(page, "/dashboard");
            Assertions.assertThat(rightEdge(tile))
                    .as("the figure's right edge within its card")
                    .isLessThanOrEqualTo(rightEdge(tile.locator("xpath=ancestor::div[contains(@class,'card-body')]")));
        }
    }

    static double rightEdge(Locator locator) {
        var box = locator.boundingBox();
        return box.x + box.width;
    }

    @Test
    void theConsoleFitsAPhone(Page page) {
        signIn(page, org.owner());
        visit(page, "/", "phone-dashboard.png");
        visit(page, "/licences", "phone-licences.png");
        visit(page, "/licences/" + activeLicence, "phone-licence.png");
        visit(page, "/licences/new", null);
        visit(page, "/invoices", "phone-invoices.png");
        visit(page, "/invoices/" + invoiceId, null);
        visit(page, "/clients", null);
        visit(page, "/plans", null);
        visit(page, "/audit", null);
        visit(page, "/outbox", null);
        visit(page, "/settings", null);
        visit(page, "/licences/imports", null);
    }

    @Test
    void theLicenceListShowsEachLicenceAsACardWithItsStatusAndActionsOnScreen(Page page) {
        signIn(page, org.manager());
        visit(page, "/licences", null);
        var row = page.locator(".licence-table tbody tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Reception and lobby"));
        for (String visible : List.of(".status-badge", ".billing-badge", "a.licence-name")) {
            var element = row.locator(visible);
            element.scrollIntoViewIfNeeded();
            assertThat(element).isInViewport();
            var box = element.boundingBox();
            Assertions.assertThat(box.x + box.width).as(visible).isLessThanOrEqualTo(WIDTH);
        }
        var edit = row.getByTitle(Pattern.compile("^Edit "));
        edit.scrollIntoViewIfNeeded();
        var box = edit.boundingBox();
        Assertions.assertThat(box.x + box.width).isLessThanOrEqualTo(WIDTH);
        // The cell says what it holds, the column's heading being out of sight.
        assertThat(row.locator("td[data-label='Ends']")).isVisible();
    }

    @Test
    void theMenuOpensOnAPhone(Page page) {
        signIn(page, org.manager());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))
                .click();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Invoices").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/invoices$"));
        fitsTheWidth(page, "/invoices");
    }

    @Test
    void thePortalFitsAPhone(Page page) {
        signIn(page, org.alice());
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        visit(page, "/portal", "phone-portal.png");
        visit(page, "/portal/licences/" + activeLicence, "phone-portal-licence.png");
        visit(page, "/portal/invoices", "phone-portal-invoices.png");
        visit(page, "/portal/invoices/" + invoiceId, "phone-portal-invoice.png");
        visit(page, "/portal/profile", null);
        Accessibility.check(page);
    }
}
