package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.devices.DeviceLicensing;
import io.licencedesk.devices.RegisteredScreen;
import io.licencedesk.devices.ScreenManagement;
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

    @Autowired
    ScreenManagement screens;

    @Autowired
    AccountManagement accounts;

    @Autowired
    DeviceLicensing devices;

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

    /** Escape closes the menu opened with its Menu button and gives that button the keyboard back: it stayed open. */
    @Test
    void escapeClosesThePhonesMenuAndGivesTheFocusBackToItsButton(Page page) {
        signIn(page, org.manager());
        Locator menuButton = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        menuButton.focus();
        page.keyboard().press("Enter");
        Locator invoices = page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Invoices").setExact(true));
        assertThat(invoices).isVisible();
        invoices.focus();

        page.keyboard().press("Escape");
        assertThat(invoices).isHidden();
        assertThat(menuButton).isFocused();
        assertThat(menuButton).hasAttribute("aria-expanded", "false");
    }

    /** Whether this element and a toast shown overlap on the screen. */
    static final String UNDER_A_TOAST = """
            element => [...document.querySelectorAll('#toasts .toast.show')].some(toast => {
              const a = element.getBoundingClientRect();
              const b = toast.getBoundingClientRect();
              return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
            })""";

    /**
     * An error stays until it is closed (decision 0136), at the bottom of the screen and nearly as wide as a phone's:
     * it hid the licence's "Register a screen" field and button below it, scrolled to the end of the page as well as
     * reached with Tab. The page keeps room for it below the content, and the keyboard's focus is scrolled clear of it.
     */
    @Test
    void anErrorThatStaysHidesNoControlOfThePhonesPage(Page page) {
        TestOrganisation own = organisations.create();
        long foyer = testLicences.activated(
                own.owner(),
                fixture.yearlyPlan(own),
                own.alice().userId(),
                "Foyer",
                testLicences.today().minusDays(3));
        long left = screens.register(own.alice(), foyer, "Foyer left").screen().id();
        signIn(page, own.alice());
        visit(page, "/portal/licences/" + foyer, null);
        // Removed meanwhile in another window: the second removal is refused in a message that stays.
        screens.remove(own.alice(), foyer, left);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove screen “Foyer left”"))
                .click();
        io.licencedesk.support.PageParts.confirm(page, "Remove screen “Foyer left”?", "Remove");
        Locator refused = page.locator("#toasts .toast.text-bg-danger");
        assertThat(refused).containsText("That screen is not on this licence any more");
        // Its close button was 21 × 21 px (1.5 times the toast's smaller type): within WCAG's spacing exception, but
        // under a fingertip's 24 px, the size every other control of a phone's page has.
        Locator close = refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"));
        assertThat(close).isVisible();
        Assertions.assertThat(TargetSizeBrowserTests.under24(close))
                .as("the toast's close button")
                .isEmpty();

        Locator register = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register screen"));
        page.evaluate("() => window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})");
        Assertions.assertThat(register.evaluate(UNDER_A_TOAST))
                .as("Register screen under the error, the page scrolled to its end")
                .isEqualTo(false);

        page.evaluate("() => window.scrollTo({top: 0, behavior: 'instant'})");
        page.locator("h1").first().click();
        List<String> hidden = new ArrayList<>();
        for (int press = 0; press < 40; press++) {
            page.keyboard().press("Tab");
            Locator focused = page.locator(":focus");
            if (focused.count() == 0
                    || focused.evaluate("element => !!element.closest('#toasts')")
                            .equals(true)) {
                break;
            }
            // The page scrolls smoothly to the control the focus reaches: it is looked at once it has had the time.
            try {
                page.waitForFunction(
                        "() => !(" + UNDER_A_TOAST + ")(document.activeElement)",
                        null,
                        new Page.WaitForFunctionOptions().setTimeout(2_000));
            } catch (com.microsoft.playwright.TimeoutError under) {
                hidden.add((String) focused.evaluate("element => element.outerHTML.slice(0, 80)"));
            }
        }
        Assertions.assertThat(hidden)
                .as("controls focused with Tab under the error")
                .isEmpty();
    }

    /**
     * A card's cells may break a long name anywhere; its buttons inherited that, and beside a screen's long name the
     * French "Enregistrer" of its rename form was squeezed into "Enregis" over "trer".
     */
    @Test
    void aScreensRenameFormKeepsItsButtonsWordWholeInFrench(Page page) {
        TestOrganisation french = organisations.create();
        long hall = testLicences.activated(
                french.owner(),
                fixture.yearlyPlan(french),
                french.alice().userId(),
                "Hall",
                testLicences.today().minusDays(3));
        screens.register(french.alice(), hall, "Écran d’accueil du grand hall principal, côté entrée nord");
        languages.choose(french.alice(), Language.FR);
        signIn(page, french.alice());
        visit(page, "/portal/licences/" + hall, null);

        Locator screen = page.locator("#screens tbody tr");
        screen.getByText("Renommer").click();
        screen.getByLabel(Pattern.compile("^Nouveau nom")).fill("");
        Locator save = screen.getByRole(
                AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Enregistrer").setExact(true));
        save.click();
        assertThat(screen.getByLabel(Pattern.compile("^Nouveau nom"))).hasAttribute("aria-invalid", "true");
        fitsTheWidth(page, "/portal/licences/" + hall);
        Assertions.assertThat(linesOfText(save))
                .as("lines of the Save button's text")
                .isEqualTo(1);
    }

    /**
     * A screen's last check-in, "6 déc. 2026, 10:15:32 UTC", was too wide to stand beside its French label "Dernier
     * signal" on a phone: it went under the label, alone on its line, unlike the card's other values. It now starts on
     * its label's line, taking the room the label leaves and breaking at its spaces, in the portal and in the console.
     */
    @Test
    void aScreensLastCheckInStandsBesideItsLabelInFrench(Page page) {
        TestOrganisation french = organisations.create();
        long hall = testLicences.activated(
                french.owner(),
                fixture.yearlyPlan(french),
                french.alice().userId(),
                "Hall",
                testLicences.today().minusDays(3));
        RegisteredScreen reception = screens.register(french.alice(), hall, "Accueil");
        devices.activate(reception.credential(), "player-1", "nonce-1");
        languages.choose(french.alice(), Language.FR);
        languages.choose(french.owner(), Language.FR);

        signIn(page, french.alice());
        visit(page, "/portal/licences/" + hall, null);
        startsOnItsLabelsLine(page.locator("#screens td[data-label='Dernier signal']"));

        page.context().clearCookies();
        signIn(page, french.owner());
        visit(page, "/licences/" + hall, null);
        startsOnItsLabelsLine(page.locator("td[data-label='Dernier signal']"));
    }

    /** A card's value starts on the line of its label (the cell's ::before), not under it. */
    static void startsOnItsLabelsLine(Locator cell) {
        assertThat(cell).containsText("UTC");
        List<?> figures = (List<?>) cell.evaluate("""
                cell => {
                  const range = document.createRange();
                  range.selectNodeContents(cell);
                  const lines = [...range.getClientRects()].filter(line => line.width > 0);
                  const style = getComputedStyle(cell);
                  return [Math.min(...lines.map(line => line.top)) - cell.getBoundingClientRect().top
                              - parseFloat(style.paddingTop),
                          parseFloat(getComputedStyle(cell, '::before').lineHeight)];
                }""");
        Assertions.assertThat(((Number) figures.get(0)).doubleValue())
                .as("how far below the top of its label's line the value starts, px")
                .isLessThan(((Number) figures.get(1)).doubleValue() / 2);
        Assertions.assertThat(rightEdge(cell.locator("time")))
                .as("the value's right edge")
                .isLessThanOrEqualTo(rightEdge(cell));
    }

    /**
     * French buttons squeezed on a phone: on People the role form's "Changer le rôle" took two lines beside its
     * drop-down, and on a client's page "Voir en tant que client" and "Modifier les coordonnées" took two lines each,
     * side by side. Every button of these pages keeps its words on one line, within its card and the screen.
     */
    @Test
    void buttonsKeepTheirWordsOnOneLineInFrench(Page page) {
        TestOrganisation french = organisations.create();
        languages.choose(french.owner(), Language.FR);
        signIn(page, french.owner());
        List<String> broken = new ArrayList<>();
        for (String path : List.of("/people", "/clients/" + french.alice().userId())) {
            visit(page, path, null);
            for (Object fault : (List<?>) page.evaluate(BUTTONS_BROKEN)) {
                broken.add(path + ": " + fault);
            }
        }
        page.navigate("/people");
        Assertions.assertThat(page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName(Pattern.compile("^Changer le rôle")))
                        .count())
                .as("people listed, each with a role form")
                .isGreaterThanOrEqualTo(2);
        Assertions.assertThat(broken).as("buttons at %d px in French", WIDTH).isEmpty();
    }

    /**
     * Each visible button of the page's main part (or of those the selector given finds) whose words take more than one
     * line (its text's lines, told apart by their tops; an icon beside the words is not a line), or whose right edge is
     * past its card's or the screen's.
     */
    static final String BUTTONS_BROKEN = """
            buttons => [...document.querySelectorAll(buttons || 'main .btn')]
                .filter(button => button.checkVisibility() && button.getBoundingClientRect().width > 1)
                .flatMap(button => {
                  const tops = [];
                  const texts = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
                  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(text);
                    [...range.getClientRects()].filter(line => line.width > 0).forEach(line => tops.push(line.top));
                  }
                  const lines = tops.sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1] > 4).length;
                  const name = '"' + button.textContent.replace(/\\s+/g, ' ').trim() + '"';
                  const right = button.getBoundingClientRect().right;
                  const card = button.closest('.card') || document.documentElement;
                  const faults = [];
                  if (lines > 1) {
                    faults.push(name + ' on ' + lines + ' lines');
                  }
                  if (right > Math.min(card.getBoundingClientRect().right, document.documentElement.clientWidth) + 0.5) {
                    faults.push(name + ' past its card\\'s edge');
                  }
                  return faults;
                })""";

    /** A heading kept on one line ran off a phone's screen with an invoice prefix of the ten characters allowed. */
    @Test
    void anInvoiceNumberWithTheLongestPrefixFitsThePortalsInvoicePage(Page page) {
        TestOrganisation longPrefix = organisations.create();
        var settings = OrganisationSettings.of(accounts.organisation(longPrefix.owner()));
        accounts.updateSettings(
                longPrefix.owner(),
                new OrganisationSettings(
                        settings.name(),
                        settings.legalName(),
                        settings.address(),
                        settings.currency(),
                        settings.vatRate(),
                        "LICENCEDSK",
                        settings.paymentTermsDays(),
                        settings.senderName(),
                        settings.senderEmail(),
                        settings.expiringSoonDays(),
                        Language.EN));
        long billed = licences.create(
                        longPrefix.manager(),
                        new NewLicence(
                                fixture.yearlyPlan(longPrefix).id(),
                                "Lobby",
                                null,
                                1,
                                longPrefix.alice().userId()))
                .id();
        long invoice = invoicing
                .send(longPrefix.manager(), List.of(billed))
                .issued()
                .get(0)
                .id();
        signIn(page, longPrefix.alice());
        visit(page, "/portal/invoices/" + invoice, null);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(Pattern.compile("Invoice LICENCEDSK-\\d{4}-\\d{6}"));
    }

    /** The cells of a card are values, set flush right; the one cell of an empty list was too. */
    @Test
    void anEmptyListSaysSoInTheMiddleOfItsCard(Page page) {
        TestOrganisation newcomer = organisations.create();
        signIn(page, newcomer.alice());
        visit(page, "/portal", null);
        Locator empty = page.locator("#my-licences tbody td");
        assertThat(empty).hasText(Pattern.compile("^No licences yet\\."));
        List<?> offCentre = (List<?>) empty.evaluate("""
                cell => {
                  const range = document.createRange();
                  range.selectNodeContents(cell);
                  const box = cell.getBoundingClientRect();
                  return [...range.getClientRects()]
                      .map(line => Math.round(Math.abs((line.left - box.left) - (box.right - line.right))));
                }""");
        Assertions.assertThat(offCentre)
                .as("how far each line of the message is from the middle of its card, px")
                .isNotEmpty()
                .allSatisfy(distance ->
                        Assertions.assertThat(((Number) distance).intValue()).isLessThanOrEqualTo(2));
    }

    /**
     * A field's hint is read whole on a phone: the licence list's search hint was cut to "Code, nom, note, clien" in
     * French at 390 px (and "Search code, name, note, c" in English). The field keeps its visible label: the hint says
     * what it searches, not what it is.
     */
    @Test
    void everyPlaceholderFitsItsFieldOnAPhoneInBothLanguages(Page page) {
        List<String> cut = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        try {
            for (Language language : List.of(Language.EN, Language.FR)) {
                for (Caller caller : List.of(org.owner(), org.alice())) {
                    languages.choose(caller, language);
                    page.context().clearCookies();
                    signIn(page, caller);
                    List<String> paths = caller.isStaff()
                            ? List.of("/licences", "/clients", "/audit", "/settings/payment", "/settings/webhooks")
                            : List.of("/portal", "/portal/licences/" + activeLicence);
                    for (String path : paths) {
                        visit(page, path, null);
                        for (Object field : (List<?>) page.evaluate(PLACEHOLDERS)) {
                            List<?> figures = (List<?>) field;
                            String what = language + " " + path + " " + figures.get(0) + " \"" + figures.get(1) + "\"";
                            measured.add(what);
                            double width = ((Number) figures.get(2)).doubleValue();
                            double room = ((Number) figures.get(3)).doubleValue();
                            if (width > room) {
                                cut.add(what + " is " + Math.round(width) + " px in " + Math.round(room) + " px");
                            }
                        }
                    }
                    if (caller.isStaff()) { // the search field keeps its visible label
                        page.navigate("/licences");
                        Locator label = page.locator("label[for=q]");
                        assertThat(label).isVisible();
                        assertThat(label).hasText(language == Language.EN ? "Search" : "Rechercher");
                    }
                }
            }
        } finally {
            languages.choose(org.owner(), Language.EN);
            languages.choose(org.alice(), Language.EN);
        }
        Assertions.assertThat(measured)
                .as("the fields with a hint")
                .anySatisfy(what -> Assertions.assertThat(what).startsWith("EN /licences #q "))
                .anySatisfy(what -> Assertions.assertThat(what).startsWith("FR /licences #q "));
        Assertions.assertThat(cut)
                .as("hints wider than their field at %d px", WIDTH)
                .isEmpty();
    }

    /**
     * Each visible one-line field with a placeholder: its id, the placeholder, the placeholder's width in the field's font, and
     * the room inside the field (its width less its padding), in px. A field shows no more of its placeholder than it
     * has room for (an input's scrollWidth does not count the placeholder).
     */
    static final String PLACEHOLDERS = """
            () => {
              const canvas = document.createElement('canvas').getContext('2d');
              return [...document.querySelectorAll('input[placeholder]')]
                  .filter(field => field.placeholder && field.checkVisibility())
                  .map(field => {
                    const style = getComputedStyle(field, '::placeholder');
                    canvas.font = [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' ');
                    const own = getComputedStyle(field);
                    return ['#' + field.id, field.placeholder, canvas.measureText(field.placeholder).width,
                            field.clientWidth - parseFloat(own.paddingLeft) - parseFloat(own.paddingRight)];
                  });
            }""";

    /**
     * A row's heading cell (a person's name on People, a licence's or an invoice's on a client's page) was left a table
     * cell inside its card: as wide as the name, with no "Name" before it and a rule under the name alone, like a tab.
     */
    @Test
    void aRowsHeadingCellIsALineOfItsCardAsItsOtherCellsAre(Page page) {
        signIn(page, org.owner());
        visit(page, "/people", null);
        List<?> figures = (List<?>) page.locator("main table tbody tr").first().evaluate("""
                row => {
                  const heading = row.querySelector('th'), cell = row.querySelector('td');
                  const before = getComputedStyle(heading, '::before');
                  return [heading.getBoundingClientRect().width, cell.getBoundingClientRect().width,
                          heading.getBoundingClientRect().left, cell.getBoundingClientRect().left,
                          getComputedStyle(heading).borderBottomWidth, before.content, before.fontWeight];
                }""");
        Assertions.assertThat(((Number) figures.get(0)).doubleValue())
                .as("the width of the name's cell, px")
                .isCloseTo(((Number) figures.get(1)).doubleValue(), Assertions.within(1.0));
        Assertions.assertThat(((Number) figures.get(2)).doubleValue())
                .as("the left edge of the name's cell, px")
                .isCloseTo(((Number) figures.get(3)).doubleValue(), Assertions.within(1.0));
        Assertions.assertThat(figures.get(4)).as("the rule under the name").isEqualTo("0px");
        Assertions.assertThat(figures.get(5)).as("its label, before it").isNotIn("none", "normal");
        Assertions.assertThat(figures.get(6))
                .as("its label's weight, as the other cells' labels")
                .isEqualTo("600");
    }

    /** How many lines an element's text takes on the screen. */
    static int linesOfText(Locator element) {
        return ((Number) element.evaluate("""
                        element => {
                          const range = document.createRange();
                          range.selectNodeContents(element);
                          return new Set([...range.getClientRects()].map(line => Math.round(line.top))).size;
                        }""")).intValue();
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
        visit(page, "/portal/profile/api-tokens", null);
        Accessibility.check(page);
    }

    /**
     * The portal's pages at 360 px, in English and in French: no button's words take two lines nor run past their card
     * (the console's pages are checked so in ConsoleOnANarrowPhoneBrowserTests, decision 0165).
     */
    @Test
    void thePortalsButtonsKeepTheirWordsOnOneLineAt360PxInBothLanguages(Page page) {
        List<String> broken = new ArrayList<>();
        try {
            for (Language language : List.of(Language.EN, Language.FR)) {
                languages.choose(org.alice(), language);
                page.context().clearCookies();
                signIn(page, org.alice());
                page.setViewportSize(ConsoleOnANarrowPhoneBrowserTests.WIDTH, HEIGHT);
                for (String path : List.of(
                        "/portal",
                        "/portal/licences/" + activeLicence,
                        "/portal/invoices",
                        "/portal/invoices/" + invoiceId,
                        "/portal/profile",
                        "/portal/profile/api-tokens")) {
                    visit(page, path, null);
                    for (Object fault : (List<?>) page.evaluate(BUTTONS_BROKEN)) {
                        broken.add(language + " " + path + ": " + fault);
                    }
                }
            }
        } finally {
            languages.choose(org.alice(), Language.EN);
        }
        Assertions.assertThat(broken)
                .as("buttons at %d px", ConsoleOnANarrowPhoneBrowserTests.WIDTH)
                .isEmpty();
    }
}
