package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.NewClient;
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
import io.licencedesk.support.Browsers;
import io.licencedesk.support.PageStates;
import io.licencedesk.support.TargetSizes;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
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
    UserLanguages languages;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ScreenManagement screens;

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
        // A paid invoice (Remove payment asks first), API tokens (Revoke asks) and a screen (Remove asks).
        long paidFor = licences.create(org.manager(), new NewLicence(monthly.id(), "Café", null, 1, alice))
                .id();
        long paid =
                invoicing.send(org.manager(), List.of(paidFor)).issued().get(0).id();
        invoicing.markPaid(org.manager(), paid, testLicences.today(), "Transfer 42");
        tokens.issue(org.owner(), new NewApiToken("Accounting", ApiAccess.READ_ONLY, null));
        tokens.issue(org.alice(), new NewApiToken("Signage", ApiAccess.READ_ONLY, null));
        screens.register(org.alice(), active, "Lobby");
        // Not invited yet: the clients page offers Invite beside the badge.
        long newcomer = accounts.addClient(
                        org.owner(),
                        new NewClient("Zoé Newcomer", "zoe-" + org.id() + "@example.test", null, null, null))
                .id();
        long endpoint = fixture.webhookEndpointWithALongAddress(org);
        consolePages = List.of(
                "/",
                "/licences",
                "/licences/" + active,
                "/licences/" + active + "/edit",
                "/licences/new",
                "/licences/imports",
                "/invoices",
                "/invoices/" + invoice,
                "/invoices/" + paid,
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
                "/portal/invoices/" + paid,
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
        assertThat(checkboxes).hasCount(4);
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

    /** The controls under 24×24 px, measured in one call for them all rather than one call per control and figure. */
    static List<String> under24(Locator controls) {
        return ((List<?>) controls.evaluateAll("""
                        elements => elements.map(element => [element, element.getBoundingClientRect()])
                            .filter(([, box]) => box.width < 24 || box.height < 24)
                            .map(([element, box]) => element.outerHTML.slice(0, 80) + ' is ' + Math.round(box.width)
                                + '×' + Math.round(box.height) + ' px')"""))
                .stream().map(String::valueOf).toList();
    }

    /**
     * Every page of both lists as it loads, with the phone's menu open, each dialog it opens and the answer to each of
     * its forms sent with values it refuses (decision 0102), and the pages before signing in: at 390 px in English and
     * in French, and at 1366 px in English. One sweep visits each page once for all three (decision 0106): it loaded
     * each page twice, in two tests that signed in twelve times.
     */
    @Test
    void noControlIsUnder24PxOnAnyPageNorInItsDialogsNorOnItsRefusedForms(Page page) {
        Sweep sweep = new Sweep(page);
        sweep.signedOut(Language.EN, List.of(PhoneBrowserTests.WIDTH, Browsers.WIDTH));
        sweep.signedIn(org.owner(), Language.EN, List.of(PhoneBrowserTests.WIDTH, Browsers.WIDTH), consolePages);
        sweep.signedIn(org.alice(), Language.EN, List.of(PhoneBrowserTests.WIDTH, Browsers.WIDTH), portalPages);
        sweep.signedOut(Language.FR, List.of(PhoneBrowserTests.WIDTH));
        sweep.signedIn(org.owner(), Language.FR, List.of(PhoneBrowserTests.WIDTH), consolePages);
        sweep.signedIn(org.alice(), Language.FR, List.of(PhoneBrowserTests.WIDTH), portalPages);

        // Sign-in and forgotten password, the console's and the portal's pages, in three languages and widths; and the
        // menu open, on a phone in each language for each account.
        Assertions.assertThat(sweep.loaded)
                .as("pages swept as they load")
                .hasSize(3 * (2 + consolePages.size() + portalPages.size()) + 2 * 2)
                .doesNotHaveDuplicates();
        Assertions.assertThat(sweep.dialogs)
                .as("the dialogs opened in English on a phone")
                .contains(
                        "/licences: the dialog of \"Pause\"",
                        "/licences: the dialog of \"Resume\"",
                        "/licences: the dialog of \"Send invoices\"");
        Assertions.assertThat(sweep.dialogs)
                .anySatisfy(seen -> Assertions.assertThat(seen).startsWith("/licences: the dialog of \"Delete "))
                .anySatisfy(seen -> Assertions.assertThat(seen).contains(": the dialog of \"Remove the payment"));
        Assertions.assertThat(sweep.accepted)
                .as("forms sent with what they refuse, yet not refused")
                .isEmpty();
        Assertions.assertThat(sweep.faults).isEmpty();
    }

    /** One browser page going through the states, and what it found. */
    private final class Sweep {

        final Page page;
        final List<String> loaded = new ArrayList<>();
        final List<String> dialogs = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final List<String> faults = new ArrayList<>();

        Sweep(Page page) {
            this.page = page;
            PageStates.withoutMotion(page); // 36 dialogs, each opened and closed
        }

        /** The pages before signing in, each as it loads and with its form refused, at each width. */
        void signedOut(Language language, List<Integer> widths) {
            page.context().clearCookies();
            for (int width : widths) {
                page.setViewportSize(width, Browsers.HEIGHT);
                for (String path : List.of("/login", "/password/forgot")) {
                    String address = path + "?lang=" + language.locale().getLanguage();
                    page.navigate(address);
                    noteLoaded(language, width, path);
                    accepted.addAll(
                            PageStates.eachFormRefused(page, address, true, what -> note(language, width, what)));
                }
            }
            page.context().clearCookies();
        }

        /**
         * Signed in once in this language, each page at each width: as it loads, with the menu open on a phone (the
         * last page), each dialog it opens, and each of its forms refused.
         */
        void signedIn(Caller caller, Language language, List<Integer> widths, List<String> paths) {
            languages.choose(caller, language);
            page.context().clearCookies();
            PhoneBrowserTests.signIn(page, caller);
            for (int width : widths) {
                page.setViewportSize(width, Browsers.HEIGHT);
                for (String path : paths) {
                    page.navigate(path);
                    assertThat(page.locator("h1").first()).isVisible();
                    noteLoaded(language, width, path);
                    if (width == PhoneBrowserTests.WIDTH && path.equals(paths.get(paths.size() - 1))) {
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))
                                .click();
                        // Opened, not still unfolding: while it does, its links overlap the page under it.
                        assertThat(page.locator(".navbar-collapse.collapse.show"))
                                .isVisible();
                        noteLoaded(language, width, path + " with the menu open");
                        page.navigate(path);
                        assertThat(page.locator("h1").first()).isVisible();
                    }
                    boolean selecting = path.equals("/licences");
                    if (selecting) { // a licence selected, for the toolbar's Pause, Resume and Send invoices
                        page.locator("input.select-licence:enabled").first().check();
                        assertThat(page.locator("#send-invoices")).isEnabled();
                    }
                    int opened = PageStates.eachDialog(page, what -> {
                        dialogs.add(path + ": " + what);
                        note(language, width, path + " " + what);
                    });
                    // The dialogs leave the page as it was, but a form is sent from the page as loaded all the same
                    // (and the list is loaded with its licence selected, as axe has checked it).
                    boolean asLoaded = opened == 0 && !selecting;
                    accepted.addAll(
                            PageStates.eachFormRefused(page, path, asLoaded, what -> note(language, width, what)));
                    if (selecting) { // none again, as the list loads at the next width
                        if (!page.url().endsWith(path)) {
                            page.navigate(path);
                        }
                        page.locator("input.select-licence:checked").first().uncheck();
                        assertThat(page.locator("#send-invoices")).isDisabled();
                    }
                }
            }
        }

        private void noteLoaded(Language language, int width, String path) {
            loaded.add(language + " " + width + " px " + path);
            note(language, width, path);
        }

        private void note(Language language, int width, String what) {
            for (String fault : TargetSizes.tooSmall(page)) {
                faults.add(language + " " + width + " px " + what + ": " + fault);
            }
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

    /** While a dialog is open, the page under it cannot be reached: only the dialog's controls are targets. */
    @Test
    void whileADialogIsOpenOnlyItsControlsAreChecked(Page page) {
        page.setContent("""
                <main style="font: 16px/1.5 sans-serif">
                  <div style="display: flex; gap: 2px"><button style="all: unset; display: inline-block; width: 16px; height: 16px">under</button>
                    <button style="all: unset; display: inline-block; width: 16px; height: 16px">page</button></div>
                </main>
                <div role="dialog" aria-modal="true" aria-label="Question" style="margin-top: 60px">
                  <div style="display: flex; gap: 2px"><button style="all: unset; display: inline-block; width: 16px; height: 16px">yes</button>
                    <button style="all: unset; display: inline-block; width: 16px; height: 16px">no</button></div>
                </div>""");
        Assertions.assertThat(TargetSizes.tooSmall(page))
                .hasSize(2)
                .anySatisfy(fault -> Assertions.assertThat(fault).startsWith("button[submit] \"yes\" 16×16 px"))
                .anySatisfy(fault -> Assertions.assertThat(fault).startsWith("button[submit] \"no\" 16×16 px"));
    }
}
