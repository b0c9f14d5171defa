package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.devices.DeviceLicensing;
import io.licencedesk.devices.RegisteredScreen;
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
 * Every page of the console and the portal on a 1280 px laptop, and the portal's on a 1024 px tablet held sideways, in
 * English and in French: nothing in them scrolls sideways, neither the page nor a box of its own (decision 0120). A
 * table in a box that scrolls hid its last column behind the edge: the portal's screens had their Remove buttons cut
 * at every width. The console's lists of many columns may scroll on narrower screens; phones have their cards
 * (PhoneBrowserTests).
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class WideScreenBrowserTests {

    static final int LAPTOP = 1280;
    static final int TABLET = 1024;
    static final int HEIGHT = 800;

    /** The page if it is wider than the window, and each box that scrolls sideways, with its widths. */
    static final String SCROLLING_SIDEWAYS = """
            () => {
              const found = [];
              const page = document.documentElement;
              if (page.scrollWidth > page.clientWidth) {
                found.push('the page: ' + page.scrollWidth + ' px in ' + page.clientWidth);
              }
              for (const box of document.querySelectorAll('body *')) {
                const overflow = getComputedStyle(box).overflowX;
                if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth + 1) {
                  const inside = box.querySelector('table[id], [id]');
                  found.push((box.id || (inside ? '#' + inside.id : box.className)) + ': '
                      + box.scrollWidth + ' px in ' + box.clientWidth);
                }
              }
              return found;
            }""";

    /**
     * The page if it is wider than the window, and each box that scrolls sideways but is not a Tab stop named as a list
     * that scrolls (role region, tabindex 0, a name saying so): its columns out of sight were out of reach of the
     * keyboard and unknown to a screen reader.
     */
    static final String SCROLLING_UNSAID = """
            async () => {
              await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
              const found = [];
              const page = document.documentElement;
              if (page.scrollWidth > page.clientWidth) {
                found.push('the page: ' + page.scrollWidth + ' px in ' + page.clientWidth);
              }
              let named = 0;
              for (const box of document.querySelectorAll('body *')) {
                const overflow = getComputedStyle(box).overflowX;
                if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth + 1) {
                  const name = box.getAttribute('aria-label') || '';
                  if (box.tabIndex === 0 && box.getAttribute('role') === 'region'
                      && /scrolls sideways|défile horizontalement/.test(name)) {
                    named++;
                  } else {
                    const inside = box.querySelector('table[id], [id]');
                    found.push((box.id || (inside ? '#' + inside.id : box.className)) + ' scrolls, named "' + name
                        + '", tabindex ' + box.tabIndex);
                  }
                }
              }
              return {found: found, named: named};
            }""";

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    ScreenManagement screens;

    @Autowired
    DeviceLicensing devices;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;
    List<String> consolePaths;
    List<String> consoleLists;
    List<String> portalPaths;

    /**
     * What makes tables wide: a licence in use with screens that checked in and screens waiting for their device, long
     * names, invoices (their numbers, totals and due dates), a webhook with a long address.
     */
    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan yearly = fixture.yearlyPlan(org);
        Plan monthly = fixture.monthlyPlan(org);
        long alice = org.alice().userId();
        // Activated by its first screen's player.
        long inUse = licences.create(
                        org.manager(), new NewLicence(yearly.id(), "Reception, lobby and waiting room", null, 6, alice))
                .id();
        for (String name : List.of("Entrance by the car park", "Counter", "Window on the square", "Back wall")) {
            RegisteredScreen screen = screens.register(org.alice(), inUse, name);
            if (!name.startsWith("Window")) {
                devices.activate(
                        screen.credential(), "player-" + screen.screen().id(), "nonce-1");
            }
        }
        long invoiced = licences.create(
                        org.manager(),
                        new NewLicence(yearly.id(), "Window displays of the flagship store", "Ground floor", 40, alice))
                .id();
        licences.create(org.manager(), new NewLicence(monthly.id(), "Spare screens", null, 3, null));
        // Two badges on its row of the portal's list: "Active · expiring soon" and "Invoice due".
        long endingSoon = testLicences.activated(
                org.owner(),
                monthly,
                alice,
                "Menu boards of the terrace",
                testLicences.today().minusDays(20));
        long invoice = invoicing
                .send(org.manager(), List.of(invoiced, inUse, endingSoon))
                .issued()
                .get(0)
                .id();
        long endpoint = fixture.webhookEndpointWithALongAddress(org);
        consolePaths = List.of(
                "/",
                "/licences",
                "/licences/new",
                "/licences/" + inUse,
                "/licences/" + inUse + "/edit",
                "/licences/" + invoiced,
                "/licences/imports",
                "/invoices",
                "/invoices/" + invoice,
                "/clients",
                "/clients/new",
                "/clients/" + alice,
                "/clients/" + alice + "/edit",
                "/plans",
                "/plans/new",
                "/plans/" + yearly.id() + "/edit",
                "/audit",
                "/outbox",
                "/people",
                "/settings",
                "/settings/payment",
                "/settings/renewals",
                "/settings/webhooks",
                "/settings/webhooks/" + endpoint,
                "/profile",
                "/api-tokens");
        consoleLists = List.of(
                "/licences",
                "/invoices",
                "/clients",
                "/audit",
                "/settings/webhooks/" + endpoint,
                "/licences/imports",
                "/plans",
                "/people");
        portalPaths = List.of(
                "/portal",
                "/portal/licences/" + inUse,
                "/portal/licences/" + invoiced,
                "/portal/invoices",
                "/portal/invoices/" + invoice,
                "/portal/profile");
    }

    @Test
    void noPageOfTheConsoleScrollsSidewaysInEitherLanguage(Page page) {
        Assertions.assertThat(sidewaysIn(page, LAPTOP, org.owner(), consolePaths))
                .isEmpty();
    }

    @Test
    void noPageOfThePortalScrollsSidewaysInEitherLanguage(Page page) {
        List<String> found = new ArrayList<>(sidewaysIn(page, LAPTOP, org.alice(), portalPaths));
        found.addAll(sidewaysIn(page, TABLET, org.alice(), portalPaths));
        Assertions.assertThat(found).isEmpty();
    }

    private List<String> sidewaysIn(Page page, int width, Caller person, List<String> paths) {
        List<String> found = new ArrayList<>();
        page.setViewportSize(width, HEIGHT);
        try {
            for (Language language : List.of(Language.EN, Language.FR)) {
                languages.choose(person, language);
                page.context().clearCookies();
                page.navigate("/login");
                page.locator("#email").fill(person.email());
                page.locator("#password").fill(TestOrganisation.PASSWORD);
                page.locator("form[action='/login'] button[type=submit]").click();
                assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
                for (String path : paths) {
                    page.navigate(path);
                    assertThat(page.locator("h1").first()).isVisible();
                    for (Object box : (List<?>) page.evaluate(SCROLLING_SIDEWAYS)) {
                        found.add(width + " px " + language + " " + path + ": " + box);
                    }
                }
            }
        } finally {
            languages.choose(person, Language.EN);
        }
        return found;
    }

    /**
     * Narrower than 1280 px the console's lists of many columns scroll inside their box (decision 0120): on a 1024 px
     * tablet, and at 200 % zoom of a 1280 px laptop (640 px), no list page scrolls sideways as a whole, and a list that
     * scrolls is a Tab stop named as a list that scrolls sideways (WCAG 1.4.10, axe's scrollable-region-focusable). A
     * list with links in it was none: its columns past the last link were out of the keyboard's reach, and a screen
     * reader was not told of them (decision 0156).
     */
    @Test
    void theConsolesListsAtATabletAndAt200PercentScrollOnlyInABoxThatSaysSo(Page page) {
        List<String> found = new ArrayList<>();
        int named = 0;
        for (int width : new int[] {TABLET, LAPTOP / 2}) {
            page.setViewportSize(width, HEIGHT);
            for (Language language : List.of(Language.EN, Language.FR)) {
                languages.choose(org.owner(), language);
                signIn(page, org.owner());
                for (String path : consoleLists) {
                    page.navigate(path);
                    assertThat(page.locator("h1").first()).isVisible();
                    var result = (java.util.Map<?, ?>) page.evaluate(SCROLLING_UNSAID);
                    for (Object box : (List<?>) result.get("found")) {
                        found.add(width + " px " + language + " " + path + ": " + box);
                    }
                    named += ((Number) result.get("named")).intValue();
                }
            }
        }
        languages.choose(org.owner(), Language.EN);
        Assertions.assertThat(found).isEmpty();
        Assertions.assertThat(named)
                .as("the lists that scroll in their box at 1024 px")
                .isPositive();
    }

    private static void signIn(Page page, Caller person) {
        page.context().clearCookies();
        page.navigate("/login");
        page.locator("#email").fill(person.email());
        page.locator("#password").fill(TestOrganisation.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
