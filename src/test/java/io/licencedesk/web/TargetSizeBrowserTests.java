package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Browsers;
import io.licencedesk.support.TargetSizes;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tap targets of at least 24×24 CSS px (WCAG 2.2 SC 2.5.8, {@link TargetSizes}) on every page of the console and the
 * portal, on a 390 px phone in English and French and on a laptop's screen: a finger, or an unsteady hand, hits the
 * control it means.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class TargetSizeBrowserTests {

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
    AccountManagement accounts;

    @Autowired
    Webhooks webhooks;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;
    List<String> consolePages;
    List<String> portalPages;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        Plan yearly = fixture.yearlyPlan(org);
        long alice = org.alice().userId();
        licences.create(org.manager(), new NewLicence(monthly.id(), "Spare screens", null, 3, null));
        licences.create(
                org.manager(),
                new NewLicence(yearly.id(), "Kiosk", null, 2, org.bob().userId()));
        long active = testLicences.activated(
                org.owner(), yearly, alice, "Reception", testLicences.today().minusDays(20));
        long billed = licences.create(org.manager(), new NewLicence(yearly.id(), "Windows", null, 4, alice))
                .id();
        long invoice =
                invoicing.send(org.manager(), List.of(billed)).issued().get(0).id();
        // Not invited yet: the clients page offers Invite beside the badge.
        long newcomer = accounts.addClient(
                        org.owner(),
                        new NewClient("Zoé Newcomer", "zoe-" + org.id() + "@example.test", null, null, null))
                .id();
        long endpoint = webhooks.register(
                        org.owner(),
                        new NewEndpoint("https://93.184.216.34/" + org.id() + "/hook", "Accounting", true, Set.of()))
                .endpoint()
                .id();
        consolePages = List.of(
                "/",
                "/licences",
                "/licences/" + active,
                "/licences/" + active + "/edit",
                "/licences/new",
                "/licences/imports",
                "/invoices",
                "/invoices/" + invoice,
                "/clients",
                "/clients/new",
                "/clients/" + alice,
                "/clients/" + alice + "/edit",
                "/clients/" + newcomer,
                "/plans",
                "/plans/new",
                "/plans/" + monthly.id() + "/edit",
                "/settings",
                "/settings/payment",
                "/settings/renewals",
                "/settings/webhooks",
                "/settings/webhooks/" + endpoint,
                "/people",
                "/profile",
                "/api-tokens",
                "/audit",
                "/outbox");
        portalPages = List.of(
                "/portal",
                "/portal/licences/" + active,
                "/portal/invoices",
                "/portal/invoices/" + invoice,
                "/portal/profile",
                "/portal/profile/api-tokens");
    }

    @AfterAll
    void speakEnglishAgain() {
        languages.choose(org.owner(), Language.EN);
        languages.choose(org.alice(), Language.EN);
    }

    /**
     * The list's sort links were 16 px high, its rows' checkboxes (and the box of a licence without a client) 14 px,
     * and the clients' Invite buttons 23 px: within the SC's spacing exception on these pages, but a fingertip's width
     * from the next control on a phone.
     */
    @Test
    void theListsSortLinksRowCheckboxesAndInviteButtonsAreAtLeast24PxOnAPhone(Page page) {
        PhoneBrowserTests.signIn(page, org.owner());
        page.navigate("/licences");
        Locator sortLinks = page.locator("thead").getByRole(AriaRole.LINK);
        Locator checkboxes = page.getByRole(
                AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Select licence ")));
        Locator assignFirst = page.getByTitle(Pattern.compile("^Assign a client to licence "));
        assertThat(sortLinks).hasCount(6);
        assertThat(checkboxes).hasCount(3);
        assertThat(assignFirst).hasCount(1);
        List<String> small = new ArrayList<>();
        small.addAll(under24(sortLinks));
        small.addAll(under24(checkboxes));
        small.addAll(under24(assignFirst));

        page.navigate("/clients");
        Locator invite = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite Zoé Newcomer"));
        assertThat(invite).isVisible();
        small.addAll(under24(invite));

        Assertions.assertThat(small).as("controls under 24×24 px at 390 px").isEmpty();
    }

    static List<String> under24(Locator controls) {
        List<String> small = new ArrayList<>();
        for (int at = 0; at < controls.count(); at++) {
            Locator control = controls.nth(at);
            control.scrollIntoViewIfNeeded();
            BoundingBox box = control.boundingBox();
            if (box.width < 24 || box.height < 24) {
                small.add(control.evaluate("element => element.outerHTML.slice(0, 80)") + " is " + Math.round(box.width)
                        + "×" + Math.round(box.height) + " px");
            }
        }
        return small;
    }

    @Test
    void noControlOfTheConsoleOrThePortalIsUnder24PxUnlessSpacedOrInASentence(Page page) {
        List<String> faults = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.FR)) {
            sweep(page, org.owner(), language, PhoneBrowserTests.WIDTH, consolePages, faults);
            sweep(page, org.alice(), language, PhoneBrowserTests.WIDTH, portalPages, faults);
        }
        sweep(page, org.owner(), Language.EN, Browsers.WIDTH, consolePages, faults);
        sweep(page, org.alice(), Language.EN, Browsers.WIDTH, portalPages, faults);
        Assertions.assertThat(faults).isEmpty();
    }

    private void sweep(
            Page page, Caller caller, Language language, int width, List<String> paths, List<String> faults) {
        languages.choose(caller, language);
        page.context().clearCookies();
        page.setViewportSize(width, Browsers.HEIGHT);
        if (caller.isStaff()) { // the pages before signing in, once for each language and width
            for (String path : List.of("/login", "/password/forgot")) {
                page.navigate(path + "?lang=" + language.locale().getLanguage());
                note(page, language, width, path, faults);
            }
            page.context().clearCookies();
        }
        PhoneBrowserTests.signIn(page, caller);
        page.setViewportSize(width, Browsers.HEIGHT);
        for (String path : paths) {
            page.navigate(path);
            assertThat(page.locator("h1").first()).isVisible();
            note(page, language, width, path, faults);
        }
        if (width == PhoneBrowserTests.WIDTH) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))
                    .click();
            // Opened, not still unfolding: while it does, its links overlap the page under it.
            assertThat(page.locator(".navbar-collapse.collapse.show")).isVisible();
            note(page, language, width, paths.get(paths.size() - 1) + " with the menu open", faults);
        }
    }

    private static void note(Page page, Language language, int width, String path, List<String> faults) {
        for (String fault : TargetSizes.tooSmall(page)) {
            faults.add(language + " " + width + " px " + path + ": " + fault);
        }
    }

    /**
     * The check itself: two small buttons side by side fail, as does a small one beside a large one; a small one with
     * room around it, a link in a sentence and a control of 24 px pass.
     */
    @Test
    void theCheckFindsControlsTooSmallAndTooCloseAndLeavesTheExceptions(Page page) {
        page.setContent("""
                <main style="font: 16px/1.5 sans-serif">
                  <div style="display: flex; gap: 2px"><button style="all: unset; display: inline-block; width: 16px; height: 16px">a</button>
                    <button style="all: unset; display: inline-block; width: 16px; height: 16px">b</button></div>
                  <div style="display: flex; gap: 2px; margin-top: 60px"><button style="all: unset; display: inline-block; width: 16px; height: 16px">c</button>
                    <button style="all: unset; display: inline-block; width: 40px; height: 40px">big</button></div>
                  <div style="margin-top: 60px"><button style="all: unset; display: inline-block; width: 16px; height: 16px">alone</button></div>
                  <p style="margin-top: 60px">Read the <a href="#terms">terms</a> before you sign anything at all.</p>
                  <div style="display: flex; gap: 0; margin-top: 60px"><button style="all: unset; display: inline-block; width: 24px; height: 24px">d</button>
                    <button style="all: unset; display: inline-block; width: 24px; height: 24px">e</button></div>
                </main>""");
        List<String> faults = TargetSizes.tooSmall(page);
        Assertions.assertThat(faults)
                .hasSize(3)
                .anySatisfy(fault -> Assertions.assertThat(fault).startsWith("button[submit] \"a\" 16×16 px"))
                .anySatisfy(fault -> Assertions.assertThat(fault).startsWith("button[submit] \"b\" 16×16 px"))
                .anySatisfy(fault -> Assertions.assertThat(fault).startsWith("button[submit] \"c\" 16×16 px"));
    }
}
