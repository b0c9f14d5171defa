package io.licencedesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of the portal in each of its states (a licence waiting, active and full, expiring soon, paused, ended; an
 * invoice due, paid, voided; refused forms; a page not found), in English and in French, on a laptop and on a phone
 * (decision 0054): {@code Browsers} runs axe in each state as it loads, and on a phone no page scrolls sideways.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class PortalAccessibilityBrowserTests {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

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
    ScreenManagement screens;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;
    Plan yearly;
    List<String> englishPages;
    List<String> frenchPages;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        yearly = fixture.yearlyPlan(org);
        englishPages = pagesOf(org.alice());
        languages.choose(org.bob(), Language.FR);
        frenchPages = pagesOf(org.bob());
    }

    /** The client's portal pages, one for each state, with licences and invoices in every status. */
    List<String> pagesOf(Caller client) {
        long waiting = licences.create(
                        org.manager(), new NewLicence(yearly.id(), "Waiting room", null, 2, client.userId()))
                .id();
        long full = testLicences.activated(
                org.owner(),
                yearly,
                client.userId(),
                "Reception",
                testLicences.today().minusDays(20));
        screens.register(client, full, "Front desk");
        long endingSoon = testLicences.activated(
                org.owner(),
                yearly,
                client.userId(),
                "Shop window",
                testLicences.today().minusYears(1).plusDays(10));
        long paused = testLicences.activated(
                org.owner(),
                yearly,
                client.userId(),
                "Staff room",
                testLicences.today().minusDays(5));
        licences.pause(org.manager(), paused);
        long ended = testLicences.activated(
                org.owner(),
                yearly,
                client.userId(),
                "Old lobby",
                testLicences.today().minusYears(2));
        List<Long> invoices = invoicing.send(org.manager(), List.of(waiting, full, endingSoon)).issued().stream()
                .map(invoice -> invoice.id())
                .toList();
        invoicing.markPaid(org.manager(), invoices.get(1), testLicences.today(), "Transfer 42");
        invoicing.voidInvoice(org.manager(), invoices.get(2), "Issued by mistake");
        List<String> pages = new ArrayList<>(List.of("/portal", "/portal/invoices"));
        for (long licence : List.of(waiting, full, endingSoon, paused, ended)) {
            pages.add("/portal/licences/" + licence);
        }
        for (long invoice : invoices) {
            pages.add("/portal/invoices/" + invoice);
        }
        pages.addAll(List.of("/portal/profile", "/portal/profile/api-tokens", "/portal/licences/" + Long.MAX_VALUE));
        return pages;
    }

    @Test
    void everyPortalPageInEnglishOnALaptop(Page page) {
        visitAll(page, org.alice(), englishPages, "My licences", "Add licence", "Register screen");
    }

    @Test
    void everyPortalPageInFrenchOnALaptop(Page page) {
        visitAll(page, org.bob(), frenchPages, "Mes licences", "Ajouter une licence", "Enregistrer l’écran");
    }

    @Test
    void everyPortalPageInEnglishOnAPhone(Page page) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        visitAll(page, org.alice(), englishPages, "My licences", "Add licence", "Register screen");
    }

    @Test
    void everyPortalPageInFrenchOnAPhone(Page page) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        visitAll(page, org.bob(), frenchPages, "Mes licences", "Ajouter une licence", "Enregistrer l’écran");
    }

    /** Each page as it loads, then the portal's two forms refused: a code that is no code, a screen with no name. */
    void visitAll(Page page, Caller client, List<String> pages, String home, String redeem, String register) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(client.email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        button(page, "Sign in").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(home)))
                .isVisible();
        for (String path : pages) {
            page.navigate(path);
            assertThat(page.locator("h1").first()).isVisible();
            fitsTheWindow(page, path);
        }

        page.navigate("/portal");
        page.locator("#code").fill("not a code");
        button(page, redeem).click();
        assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
        fitsTheWindow(page, "/portal, a code refused");

        page.navigate(pages.get(2)); // the licence waiting to be activated, with seats free
        button(page, register).click();
        assertThat(page.locator("#screen-name")).hasAttribute("aria-invalid", "true");
        fitsTheWindow(page, pages.get(2) + ", a screen refused");
    }

    /** Nothing wider than the window: the page does not scroll sideways. */
    static void fitsTheWindow(Page page, String what) {
        List<?> widths = (List<?>)
                page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assertions.assertThat(((Number) widths.get(0)).intValue())
                .as("the width of %s", what)
                .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
