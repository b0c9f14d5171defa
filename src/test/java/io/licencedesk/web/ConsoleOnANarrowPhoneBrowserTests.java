package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.NewApiToken;
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
import io.licencedesk.support.PageStates;
import io.licencedesk.support.TargetSizes;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
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
 * Every page of the console on a 360 px phone, the narrowest in common use, in English and in French, as an account
 * manager goes through it: the lists filtered, searched and with a client chosen, a licence and its forms, the
 * selection's dialogs, invoices, clients, an import's report, the audit log, the dashboard and the owner's pages. No
 * page scrolls sideways; each line of a card's value ends at the card's right edge (the invoices' client e-mails and
 * licence codes, and the licences' client e-mails and billing badges, stood at the left under their label); no text is
 * cut short (a chosen client, a field's hint); no control is under 24 px; no dialog is wider than the screen; no
 * button's words take two lines, on a page or in a dialog (the Clients and Invoices pages' Export for Excel, Add
 * client and Outbox did, in a row of buttons that could not wrap; the check was made on two French pages only,
 * decision 0165).
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ConsoleOnANarrowPhoneBrowserTests {

    static final int WIDTH = 360;

    /**
     * Visible text cut short, in the elements the selector given finds: each that clips what it holds and is narrower
     * than it (the visually hidden aside).
     */
    static final String TEXT_CUT = """
            elements => [...document.querySelectorAll(elements)]
                .filter(element => element.checkVisibility() && element.clientWidth > 1
                    && element.scrollWidth > element.clientWidth + 1
                    && ['hidden', 'clip'].includes(getComputedStyle(element).overflowX)
                    && !element.closest('.visually-hidden, [aria-hidden=true]')
                    && !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName))
                .map(element => '"' + element.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60) + '" is '
                    + element.scrollWidth + ' px in ' + element.clientWidth)""";

    /** An open dialog's box past the screen's edges. */
    static final String DIALOG_PAST_THE_EDGE = """
            () => [...document.querySelectorAll('.modal.show .modal-content, [aria-modal=true]')]
                .map(dialog => dialog.getBoundingClientRect())
                .filter(box => box.left < 0 || box.right > document.documentElement.clientWidth)
                .map(box => 'a dialog from ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' px')""";

    /** Words of a chart drawn over one another: a name broken onto two lines, its lines overlapping. */
    static final String CHART_WORDS_OVERLAPPING = """
            () => {
              const words = [...document.querySelectorAll('main svg text')]
                  .filter(text => text.textContent.trim() && text.checkVisibility())
                  .map(text => [text.textContent.trim(), text.getBoundingClientRect()]);
              return words.flatMap(([word, box], i) => words.slice(i + 1)
                  .filter(([, other]) => Math.min(box.right, other.right) - Math.max(box.left, other.left) > 1
                      && Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top) > 1)
                  .map(([other]) => 'in a chart, "' + word + '" over "' + other + '"'));
            }""";

    /** The lists, again on a phone of 390 px, where a value's room beside its label is a little wider. */
    static final List<String> LISTS = List.of("/", "/licences", "/invoices", "/audit", "/outbox", "/people");

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
    ApiTokens tokens;

    @Autowired
    ScreenManagement screens;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;
    List<String> paths;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        Plan yearly = fixture.yearlyPlan(org);
        long alice = org.alice().userId();
        licences.create(org.manager(), new NewLicence(monthly.id(), "Spare screens", null, 3, null));
        // Active, ending within the warning window, and invoiced: two badges wider together than the room beside
        // their label; its client's name and e-mail are too.
        long active = testLicences.activated(
                org.owner(),
                monthly,
                alice,
                "Reception and lobby",
                testLicences.today().minusDays(20));
        invoicing.send(org.manager(), List.of(active));
        screens.register(org.alice(), active, "Lobby");
        long billed = licences.create(org.manager(), new NewLicence(yearly.id(), "Window displays", null, 4, alice))
                .id();
        long invoice =
                invoicing.send(org.manager(), List.of(billed)).issued().get(0).id();
        long paidFor = licences.create(org.manager(), new NewLicence(monthly.id(), "Café", null, 1, alice))
                .id();
        long paid =
                invoicing.send(org.manager(), List.of(paidFor)).issued().get(0).id();
        invoicing.markPaid(org.manager(), paid, testLicences.today(), "Transfer 42");
        tokens.issue(org.owner(), new NewApiToken("Accounting", ApiAccess.READ_ONLY, null));
        long endpoint = fixture.webhookEndpointWithALongAddress(org);
        paths = new ArrayList<>(List.of(
                "/",
                "/licences",
                "/licences?q=Reception&soon=true",
                "/licences?client=" + alice,
                "/licences/" + active,
                "/licences/" + active + "/edit",
                "/licences/new",
                "/licences/imports",
                "/invoices",
                "/invoices?client=" + alice,
                "/invoices/" + invoice,
                "/invoices/" + paid,
                "/clients",
                "/clients/" + alice,
                "/audit",
                "/outbox",
                "/settings",
                "/settings/payment",
                "/settings/renewals",
                "/settings/webhooks",
                "/settings/webhooks/" + endpoint,
                "/settings/webhooks/" + endpoint + "/edit",
                "/people",
                "/api-tokens"));
    }

    @AfterAll
    void speakEnglishAgain() {
        languages.choose(org.owner(), Language.EN);
    }

    /** Every page at 360 px with its dialogs, then the lists at 390 px. */
    @Test
    void noPageOfTheConsoleOverflowsCutsOrMisalignsAt360PxInEitherLanguage(Page page) {
        List<String> faults = new ArrayList<>();
        List<String> dialogs = new ArrayList<>();
        PageStates.withoutMotion(page); // each dialog opened and closed, in French
        for (Language language : List.of(Language.EN, Language.FR)) {
            languages.choose(org.owner(), language);
            page.context().clearCookies();
            PhoneBrowserTests.signIn(page, org.owner());
            page.setViewportSize(WIDTH, PhoneBrowserTests.HEIGHT);
            if (language == Language.EN) {
                paths.add(importReport(page));
            }
            for (String path : paths) {
                page.navigate(path);
                assertThat(page.locator("h1").first()).isVisible();
                check(page, language + " " + path, faults);
                if (path.equals("/licences")) { // a licence selected, for the toolbar and its dialogs
                    page.locator("input.select-licence:enabled").first().check();
                    assertThat(page.locator("#send-invoices")).isEnabled();
                    check(page, language + " " + path + " with a licence selected", faults);
                }
                if (language == Language.FR) { // the longer words; the page under a dialog is the page checked
                    PageStates.eachDialog(page, what -> {
                        dialogs.add(path + ": " + what);
                        checkTheDialog(page, language + " " + path + " " + what, faults);
                    });
                }
                if (path.equals("/licences")) {
                    page.locator("input.select-licence:checked").first().uncheck();
                    assertThat(page.locator("#send-invoices")).isDisabled();
                }
            }
        }
        for (Language language : List.of(Language.EN, Language.FR)) {
            languages.choose(org.owner(), language);
            page.context().clearCookies();
            PhoneBrowserTests.signIn(page, org.owner());
            for (String path : LISTS) {
                page.navigate(path);
                assertThat(page.locator("h1").first()).isVisible();
                check(page, language + " " + PhoneBrowserTests.WIDTH + " px " + path, faults);
            }
        }
        Assertions.assertThat(dialogs)
                .as("the dialogs opened")
                .anySatisfy(seen -> Assertions.assertThat(seen).startsWith("/licences: the dialog of \"Envoyer"))
                .anySatisfy(seen -> Assertions.assertThat(seen).contains(": the dialog of \"Retirer le paiement"));
        Assertions.assertThat(faults).as("faults at %d px", WIDTH).isEmpty();
    }

    /** Sends a file with a row refused through the import page, and returns the address of its report. */
    private String importReport(Page page) {
        page.navigate("/licences/imports");
        page.waitForLoadState(LoadState.LOAD);
        String rows = "code,name,note,client_email,client_company,plan,screens,amount,currency,status,billing_status,"
                + "created,activated,ends\r\n"
                + ",Imported lobby wall,Ground floor," + org.alice().email() + ",Alice Co,Monthly,2,,,,,,,\r\n"
                + ",Imported kiosk,,,,Weekly,1,,,,,,,\r\n";
        page.getByLabel("CSV file")
                .setInputFiles(new FilePayload("book.csv", "text/csv", rows.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check file"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/licences/imports/\\d+$"));
        // The check runs in the background and the page reloads itself when it ends: left before that, the next
        // navigation was aborted by the reload (net::ERR_ABORTED).
        assertThat(page.locator("#import-totals")).isVisible();
        assertThat(page.locator("#import-running")).hasCount(0);
        return page.url().replaceAll("^https?://[^/]+", "");
    }

    private static void checkTheDialog(Page page, String where, List<String> faults) {
        for (Object fault : (List<?>) page.evaluate(TEXT_CUT, ".modal.show *")) {
            faults.add(where + ": " + fault);
        }
        for (Object fault : (List<?>) page.evaluate(PhoneBrowserTests.BUTTONS_BROKEN, ".modal.show .btn")) {
            faults.add(where + ": " + fault);
        }
        for (Object fault : (List<?>) page.evaluate(DIALOG_PAST_THE_EDGE)) {
            faults.add(where + ": " + fault);
        }
        for (String fault : TargetSizes.tooSmall(page)) {
            faults.add(where + ": " + fault);
        }
    }

    private static void check(Page page, String where, List<String> faults) {
        Object[] widths = ((List<?>) page.evaluate(
                        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"))
                .toArray();
        if (((Number) widths[0]).intValue() > ((Number) widths[1]).intValue()) {
            faults.add(where + " is " + widths[0] + " px wide");
        }
        for (Object fault : (List<?>) page.evaluate(PortalCardsBrowserTests.LINES_SHORT_OF_THE_EDGE)) {
            faults.add(where + ": " + fault);
        }
        for (Object fault : (List<?>) page.evaluate(CHART_WORDS_OVERLAPPING)) {
            faults.add(where + ": " + fault);
        }
        for (Object fault : (List<?>) page.evaluate(TEXT_CUT, "main *")) {
            faults.add(where + ": " + fault);
        }
        for (Object fault : (List<?>) page.evaluate(PhoneBrowserTests.BUTTONS_BROKEN)) {
            faults.add(where + ": " + fault);
        }
        for (Object field : (List<?>) page.evaluate(PhoneBrowserTests.PLACEHOLDERS)) {
            List<?> figures = (List<?>) field;
            if (((Number) figures.get(2)).doubleValue() > ((Number) figures.get(3)).doubleValue()) {
                faults.add(where + ": the hint " + figures.get(0) + " \"" + figures.get(1) + "\" is cut");
            }
        }
        for (String fault : TargetSizes.tooSmall(page)) {
            faults.add(where + ": " + fault);
        }
    }
}
