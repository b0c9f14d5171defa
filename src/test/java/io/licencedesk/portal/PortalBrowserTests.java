package io.licencedesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.CodeNotRedeemableException;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.InWords;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.PageParts;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The client portal as a client uses it: redeeming codes (good, bad, too many), activating, screens up
 * to the limit and one more, removing one, and invoices. Each test signs in its own client.
 */
@BrowserTest
@MovableTime
@TestInstance(Lifecycle.PER_CLASS)
class PortalBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    MovableClock clock;

    @Autowired
    TestLicences testLicences;

    @Autowired
    Renewals renewals;

    @Autowired
    ScreenManagement screenManagement;

    TestOrganisation org;
    Plan yearly;
    List<Caller> clients;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        yearly = fixture.yearlyPlan(org);
        clients = organisations.moreClients(org, 5);
    }

    LicenceDetails licence(String name, int screens, Caller client) {
        return licences.create(
                org.manager(),
                new NewLicence(yearly.id(), name, null, screens, client == null ? null : client.userId()));
    }

    static void signIn(Page page, Caller client) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(client.email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        button(page, "Sign in").click();
        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My licences")))
                .isVisible();
    }

    @Test
    void redeemsACodeTypedInLowerCaseWithSpaces(Page page) {
        Caller client = clients.get(0);
        LicenceDetails spare = licence("Shop window", 3, null);
        licence("Kiosk", 1, client);
        signIn(page, client);

        String code = spare.couponCode().value().toLowerCase();
        page.getByLabel("Add a licence with its coupon code").fill(code.substring(0, 4) + " " + code.substring(4));
        button(page, "Add licence").click();

        assertThat(page).hasURL(Pattern.compile(".*/portal/licences/" + spare.id() + "$"));
        assertThat(toast(page, "is now yours")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Shop window")))
                .isVisible();
        assertThat(page.locator(".status-badge")).hasText("Active");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My licences").setExact(true))
                .first()
                .click();
        Locator rows = page.locator("#my-licences tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Shop window")))
                .containsText(spare.couponCode().value());
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Shop window")))
                .containsText("0 / 3");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Kiosk"))).containsText("Assigned");
        Screenshots.save(page, "portal-licences.png");
    }

    @Test
    void redeemsCodesPastedWithANonBreakingSpaceOrAnEnDash(Page page) {
        Caller client = clients.get(2);
        LicenceDetails spaced = licence("Pasted with a space", 1, null);
        LicenceDetails dashed = licence("Pasted with a dash", 1, null);
        signIn(page, client);

        String code = spaced.couponCode().value();
        page.getByLabel("Add a licence with its coupon code").fill(code.substring(0, 4) + "\u00a0" + code.substring(4));
        button(page, "Add licence").click();
        assertThat(page).hasURL(Pattern.compile(".*/portal/licences/" + spaced.id() + "$"));

        page.navigate("/portal");
        code = dashed.couponCode().value();
        page.getByLabel("Add a licence with its coupon code").fill(code.substring(0, 4) + "\u2013" + code.substring(4));
        button(page, "Add licence").click();
        assertThat(page).hasURL(Pattern.compile(".*/portal/licences/" + dashed.id() + "$"));
    }

    @Test
    void refusesABadCodeWithOneMessageThenAsksToWait(Page page) {
        Caller client = clients.get(1);
        LicenceDetails taken = licence("Taken", 1, clients.get(4));
        signIn(page, client);
        Locator field = page.getByLabel("Add a licence with its coupon code");

        field.fill(taken.couponCode().value());
        button(page, "Add licence").click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(InWords.english(CodeNotRedeemableException.REASON));
        assertThat(field).hasClass(Pattern.compile(".*is-invalid.*"));
        // The keyboard is back on the code to correct, whose error a screen reader reads with it.
        assertThat(field).hasAttribute("aria-invalid", "true");
        assertThat(field).isFocused();

        // Ten attempts a minute, one given back every 6 s (RedemptionLimitsTests counts them exactly): on a slow
        // machine a few more than ten may pass before the limit answers, never many more.
        String answer = "";
        int attempt = 1;
        while (!answer.startsWith("Too many attempts") && attempt < 20) {
            attempt++;
            page.getByLabel("Add a licence with its coupon code").fill("WRONG" + (100 + attempt));
            Response response = page.waitForResponse(
                    candidate -> candidate.url().endsWith("/portal/redeem"),
                    () -> button(page, "Add licence").click());
            page.waitForLoadState();
            answer = page.getByRole(AriaRole.ALERT).textContent().strip();
            if (attempt <= 10) {
                Assertions.assertThat(answer).isEqualTo(InWords.english(CodeNotRedeemableException.REASON));
                Assertions.assertThat(response.status()).isEqualTo(422);
            }
        }
        Assertions.assertThat(attempt).as("attempts until the limit answered").isBetween(11, 19);
        assertThat(page.getByRole(AriaRole.ALERT))
                .hasText(Pattern.compile("Too many attempts\\. Try again in \\d+ s\\."));
        assertThat(page.locator("#my-licences tbody")).containsText("No licences yet");
    }

    /**
     * Records what live regions (role status or alert, aria-live) say once the page has loaded: the text a region gets
     * after it was on the page. A region that appears with its words, or is in the page as it loads, is not spoken by
     * screen readers, so neither counts.
     */
    static final String LISTEN_TO_LIVE_REGIONS = """
            window.spoken = [];
            const live = '[aria-live]:not([aria-live=off]), [role=status], [role=alert]';
            new MutationObserver(mutations => {
              if (document.readyState !== 'complete') {
                return;
              }
              const appeared = new Set(mutations.flatMap(mutation => [...mutation.addedNodes])
                  .filter(node => node.nodeType === 1)
                  .flatMap(node => [...(node.matches(live) ? [node] : []), ...node.querySelectorAll(live)]));
              for (const mutation of mutations) {
                const changed = mutation.type === 'characterData' ? mutation.target.parentElement : mutation.target;
                const region = changed && changed.closest(live);
                if (region && !appeared.has(region) && region.textContent.trim()) {
                  window.spoken.push(region.textContent.trim());
                }
              }
            }).observe(document, {childList: true, subtree: true, characterData: true});
            """;

    /**
     * A screen reader told nothing of what an action did: the message after a form's redirect was in the page as it
     * loaded, and a copied code's message appeared with its words.
     */
    @Test
    void saysWhatAnActionDidInALiveRegion(Page page) {
        Caller client = organisations.moreClients(org, 1).get(0);
        LicenceDetails assigned = licence("Staff room", 1, client);
        page.addInitScript(LISTEN_TO_LIVE_REGIONS);
        signIn(page, client);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff room"))
                .click();
        button(page, "Activate").click();
        assertThat(toast(page, "“Staff room” is active until")).isVisible();
        assertSpoken(page, "“Staff room” is active until");
        // until its last day, which it says is included (decision 0141)
        assertThat(toast(page, "“Staff room” is active until")).containsText(" inclusive.");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My licences").setExact(true))
                .first()
                .click();
        button(page, "Copy coupon code " + assigned.couponCode().value()).click();
        assertSpoken(page, assigned.couponCode().value());
    }

    static void assertSpoken(Page page, String words) {
        try {
            page.waitForFunction("words => window.spoken.some(said => said.includes(words))", words);
        } catch (TimeoutError notSaid) {
            Assertions.fail("No live region said “%s”; they said %s", words, page.evaluate("window.spoken"));
        }
    }

    @Test
    void activatesAnAssignedLicence(Page page) {
        Caller client = clients.get(2);
        LicenceDetails assigned = licence("Menu board", 1, client);
        signIn(page, client);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Menu board"))
                .click();
        assertThat(page.locator(".status-badge")).hasText("Assigned");
        button(page, "Activate").click();

        assertThat(page).hasURL(Pattern.compile(".*/portal/licences/" + assigned.id() + "$"));
        assertThat(toast(page, "is active until")).isVisible();
        assertThat(page.locator(".status-badge")).hasText("Active");
        assertThat(button(page, "Activate")).hasCount(0);
    }

    @Test
    void registersScreensUpToTheLimitRefusesOneMoreAndRemovesOne(Page page) {
        Caller client = clients.get(3);
        LicenceDetails licence = licence("Lobby", 2, client);
        signIn(page, client);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lobby"))
                .click();
        Locator name = page.getByLabel("Register a screen");

        // A refused name keeps the keyboard on the field, with the reason read with it.
        name.fill("<b>Reception</b>");
        button(page, "Register screen").click();
        assertThat(name).hasAttribute("aria-invalid", "true");
        assertThat(name).hasAccessibleDescription("Remove the HTML tags: only plain text is allowed.");
        assertThat(name).isFocused();

        name.fill("Reception");
        button(page, "Register screen").click();
        Locator credential = page.locator("#new-credential code");
        assertThat(credential).hasText(Pattern.compile("lds_[A-Za-z0-9_-]{43}"));
        String first = credential.textContent();
        // The answer's DOM is there before its scripts have run: wait for them before clicking Copy.
        page.waitForLoadState(LoadState.LOAD);
        // The keyboard starts at the credential shown only this once, its Copy button the next Tab.
        assertThat(page.locator("#new-credential")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.locator("#new-credential").getByRole(AriaRole.BUTTON)).isFocused();
        page.locator("#new-credential").getByRole(AriaRole.BUTTON).click();
        assertThat(toast(page, "Device credential copied to the clipboard")).isVisible();
        Assertions.assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(first);

        page.reload();
        assertThat(page).hasURL(Pattern.compile(".*/portal/licences/" + licence.id() + "$"));
        assertThat(page.locator("#new-credential")).hasCount(0);
        assertThat(page.locator("#screens tbody tr")).hasCount(1);

        page.getByLabel("Register a screen").fill("Bar");
        button(page, "Register screen").click();
        assertThat(page.locator("#new-credential code")).not().hasText(first);
        Screenshots.save(page, "portal-screens.png");

        // Full: the page says so before the client types a name (the server still refuses a forced one).
        assertThat(page.locator("#licence-full"))
                .hasText("All 2 screens of this licence are registered. Remove one to register another, or ask your"
                        + " account manager for more.");
        assertThat(page.getByLabel("Register a screen")).hasCount(0);
        Locator screens = page.locator("#screens tbody tr");
        assertThat(screens).hasCount(2);

        page.navigate("/portal/licences/" + licence.id());
        assertThat(page.locator("#new-credential")).hasCount(0);
        page.onDialog(dialog -> Assertions.fail("a native dialog: " + dialog.message()));
        screens.filter(new Locator.FilterOptions().setHasText("Bar"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove"))
                .click();
        PageParts.confirm(page, "Bar", "Remove");
        assertThat(toast(page, "Screen removed")).isVisible();
        assertThat(screens).hasCount(1);
        assertThat(screens).containsText("Reception");
        assertThat(screens).containsText("Never");
        assertThat(page.getByLabel("Register a screen")).isVisible();

        screens.getByText("Rename").click();
        screens.getByLabel("New name").fill("<b>Front</b>");
        screens.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        // Refused beside the field, the form still open with what was typed.
        assertThat(screens.getByLabel("New name")).hasValue("<b>Front</b>");
        assertThat(screens.getByLabel("New name")).hasAttribute("aria-invalid", "true");
        assertThat(screens.getByLabel("New name"))
                .hasAccessibleDescription("Remove the HTML tags: only plain text is allowed.");
        assertThat(screens).containsText("Reception");
        // The refused form takes the licence's address: reloading it reads the page instead of posting the form again.
        assertThat(page).hasURL(Pattern.compile(".*/portal/licences/\\d+$"));

        screens.getByLabel("New name").fill("Front desk");
        screens.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(toast(page, "Screen renamed to “Front desk”.")).isVisible();
        assertThat(screens).containsText("Front desk");
        assertThat(page.getByText("(1 of 2 free)")).isVisible();
    }

    @Test
    void listsInvoicesAndDownloadsTheirPdf(Page page) throws Exception {
        Caller client = clients.get(4);
        LicenceDetails billed = licence("Billed", 2, client);
        Invoice invoice =
                invoicing.send(org.manager(), List.of(billed.id())).issued().get(0);
        signIn(page, client);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invoices"))
                .click();
        Locator row =
                page.locator("#my-invoices tbody tr").filter(new Locator.FilterOptions().setHasText(invoice.number()));
        assertThat(row).containsText("Billed");
        assertThat(row).containsText(invoice.totals().total().formatted());
        Download download = page.waitForDownload(() -> row.getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download PDF of " + invoice.number()))
                .click());

        Assertions.assertThat(download.suggestedFilename()).endsWith(".pdf");
        Assertions.assertThat(Files.readAllBytes(download.path())).startsWith("%PDF".getBytes());

        row.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(invoice.number()).setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invoice " + invoice.number())))
                .isVisible();
        assertThat(page.locator("#amount")).hasText(invoice.totals().total().formatted());
        assertThat(page.locator("#due")).containsText("Due by");
        assertThat(page.locator("#how-to-pay")).containsText("how to pay");
    }

    @Test
    void showsALicencesPriceAndItsInvoices(Page page) {
        Caller client = clients.get(4);
        LicenceDetails billed = licence("Priced", 2, client);
        Invoice invoice =
                invoicing.send(org.manager(), List.of(billed.id())).issued().get(0);
        LicenceDetails unbilled = licence("Not billed", 1, client);
        signIn(page, client);

        page.navigate("/portal/licences/" + billed.id());
        assertThat(page.locator("#licence-price"))
                .containsText(billed.amount().formatted() + " per year (2 screens at "
                        + billed.unitPrice().formatted() + " each)");
        Locator row = page.locator("#licence-invoices tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(invoice.totals().total().formatted());
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(invoice.number()))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invoice " + invoice.number())))
                .isVisible();

        page.navigate("/portal/licences/" + unbilled.id());
        assertThat(page.locator("#licence-billing")).containsText("No invoices for this licence yet.");
    }

    /** The answer was the page again without the form, and without a word of why: the refusal had no place. */
    @Test
    void saysWhyAScreenIsRefusedWhenItsLicenceEndedWhileThePageWasOpen(Page page) {
        Caller client = organisations.moreClients(org, 1).get(0);
        long ending = testLicences.activated(
                org.owner(),
                yearly,
                client.userId(),
                "Last days",
                testLicences.today().minusYears(1).plusDays(1));
        signIn(page, client);
        page.navigate("/portal/licences/" + ending);
        page.getByLabel(Pattern.compile("^Register a screen")).fill("Lobby");

        clock.advance(Duration.ofDays(2));
        try {
            button(page, "Register screen").click();
            Locator refusal = page.getByRole(AriaRole.ALERT);
            assertThat(refusal)
                    .hasText("This licence has expired, so it takes no new screens. "
                            + "Ask your account manager to renew it.");
            assertThat(refusal).isFocused();
            assertThat(page.locator("#screens")).hasCount(0);
        } finally {
            clock.reset();
        }
    }

    @Test
    void saysAnInvoiceUnpaidAfterItsDueDateIsOverdue(Page page) {
        Caller client = clients.get(4);
        LicenceDetails late = licence("Late payer", 1, client);
        clock.advance(Duration.ofDays(-40));
        Invoice overdue;
        try {
            overdue = invoicing.send(org.manager(), List.of(late.id())).issued().get(0);
        } finally {
            clock.reset();
        }
        LicenceDetails onTime = licence("On time", 1, client);
        Invoice notYetDue =
                invoicing.send(org.manager(), List.of(onTime.id())).issued().get(0);
        signIn(page, client);

        page.navigate("/portal/invoices");
        Locator rows = page.locator("#my-invoices tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(overdue.number()))
                        .locator(".invoice-badge"))
                .hasText("Overdue");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(notYetDue.number()))
                        .locator(".invoice-badge"))
                .not()
                .hasText("Overdue");

        rows.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(overdue.number()).setExact(true))
                .click();
        assertThat(page.locator(".invoice-badge")).hasText("Overdue");
        assertThat(page.locator("#due"))
                .hasText("Overdue: it was due on "
                        + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(overdue.dueOn())
                        + ". Quote " + overdue.number() + " with your payment.");

        page.navigate("/portal/licences/" + late.id());
        assertThat(page.locator("#licence-invoices .invoice-badge")).hasText("Overdue");
    }

    @Test
    void aClientFollowingAnInvoiceLinkSignedOutLandsOnTheInvoiceOnceSignedIn(Page page) {
        Caller client = clients.get(4);
        LicenceDetails billed = licence("Linked from an e-mail", 1, client);
        Invoice invoice =
                invoicing.send(org.manager(), List.of(billed.id())).issued().get(0);

        page.navigate("/portal/invoices/" + invoice.id());
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.getByLabel("E-mail").fill(client.email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        button(page, "Sign in").click();

        // Spring Security marks the address it brings someone back to with "?continue".
        assertThat(page).hasURL(Pattern.compile(".*/portal/invoices/" + invoice.id() + "(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invoice " + invoice.number())))
                .isVisible();
    }

    @Test
    void aClientAskingForAConsolePageSignedOutLandsOnThePortal(Page page) {
        page.navigate("/clients");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        signIn(page, clients.get(0));
    }

    /**
     * The licence's terms as the client reads them (decision 0141): the running one from its first to its last day,
     * both included, the next one a renewal booked ahead, and the past one, in the client's language.
     */
    @Test
    void showsTheCurrentTermTheNextOneBookedAndThePastOnesWithTheirDays(Page page) {
        Caller client = organisations.moreClients(org, 1).get(0);
        var today = testLicences.today();
        var activatedOn = today.minusDays(380);
        long id = testLicences.activated(org.owner(), yearly, client.userId(), "Renewed twice", activatedOn);
        var second = renewals.renew(org.manager(), id).licence();
        var third = renewals.renew(org.manager(), id).licence();
        var secondStart = second.renewal().termStartsOn();
        var thirdStart = third.renewal().termStartsOn();
        Assertions.assertThat(secondStart).isBeforeOrEqualTo(today);
        Assertions.assertThat(thirdStart).isAfter(today);
        signIn(page, client);

        page.navigate("/portal/licences/" + id);

        var day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        Locator terms = page.locator("#licence-heading").locator("xpath=..");
        assertThat(terms.getByText("Current term", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.locator("#current-term"))
                .hasText("Term 2: " + day.format(secondStart) + " to " + day.format(thirdStart.minusDays(1))
                        + " inclusive");
        assertThat(page.locator("#next-term"))
                .hasText("Term 3: " + day.format(thirdStart) + " to " + day.format(third.endsOn()) + " inclusive");
        assertThat(page.locator("#past-terms li")).hasText(new String[] {
            "Term 1: " + day.format(activatedOn) + " to " + day.format(secondStart.minusDays(1)) + " inclusive"
        });

        page.navigate("/portal/licences/" + id + "?lang=fr");

        var jour = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRENCH);
        assertThat(page.locator("#current-term"))
                .hasText("Période 2\u00a0: du " + jour.format(secondStart) + " au "
                        + jour.format(thirdStart.minusDays(1)) + " inclus");
        assertThat(page.locator("#past-terms li")).hasText(new String[] {
            "Période 1\u00a0: du " + jour.format(activatedOn) + " au " + jour.format(secondStart.minusDays(1))
                    + " inclus"
        });
        page.navigate("/portal/licences/" + id + "?lang=en");
    }

    /** An assigned licence not yet started says its first term's length from activation. */
    @Test
    void anAssignedLicenceSaysItsFirstTermStartsWithActivation(Page page) {
        Caller client = organisations.moreClients(org, 1).get(0);
        LicenceDetails waiting = licence("Waiting for its client", 1, client);
        signIn(page, client);

        page.navigate("/portal/licences/" + waiting.id());

        assertThat(page.locator("#current-term")).hasText("Term 1: 1 year from activation");
        assertThat(page.locator("#past-terms")).hasCount(0);
        assertThat(page.locator("#next-term")).hasCount(0);
    }

    /**
     * A screen renamed from the keyboard (Rename, Tab, the new name, Enter): the page came back with its Rename closed
     * again and the keyboard at the top of the page, the field and its Save hidden in it (decision 0149). The keyboard
     * is on that screen's Rename, which names the new name.
     */
    @Test
    void renamingAScreenFromTheKeyboardLeavesTheFocusOnItsRename(Page page) {
        Caller client = clients.get(3);
        LicenceDetails licence = licence("Keyboard till", 1, client);
        signIn(page, client);
        page.navigate("/portal/licences/" + licence.id());
        page.getByLabel("Register a screen").fill("Till one");
        page.keyboard().press("Enter");
        assertThat(page.locator("#new-credential")).isFocused();

        Locator rename = page.locator("#screens summary");
        rename.focus();
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("New name for “Till one”")).isFocused();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("Till two");
        page.keyboard().press("Enter");
        assertThat(toast(page, "Screen renamed to “Till two”.")).isVisible();
        assertThat(rename).hasAttribute("aria-label", "Rename screen “Till two”");
        assertThat(rename).isFocused();
    }

    /**
     * A screen removed from the keyboard (Remove, then the question's Remove) left the keyboard on the page's heading, a
     * screen reader at the top of the page, far from the screens (decision 0156). It lands on the Remove of the screen
     * that took its place, so that the next one can be removed or passed, and on the screens' heading once none is
     * left; the page's message says what was done.
     */
    @Test
    void removingAScreenFromTheKeyboardLeavesTheFocusOnTheNextScreensRemove(Page page) {
        Caller client = clients.get(3);
        LicenceDetails licence = licence("Keyboard removals", 3, client);
        for (String name : List.of("First till", "Second till", "Third till")) {
            screenManagement.register(client, licence.id(), name);
        }
        signIn(page, client);
        page.navigate("/portal/licences/" + licence.id());

        removeFromTheKeyboard(page, "Second till");
        assertThat(toast(page, "Screen removed.")).isVisible();
        assertThat(button(page, "Remove screen “Third till”")).isFocused();

        // The last row: the row now last takes the focus.
        removeFromTheKeyboard(page, "Third till");
        assertThat(page.locator("#screens tbody tr")).hasCount(1);
        assertThat(button(page, "Remove screen “First till”")).isFocused();

        // None left: the screens' heading, where "No screens yet" and Register a screen follow.
        removeFromTheKeyboard(page, "First till");
        assertThat(page.locator("#screens")).hasCount(0);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Screens").setExact(true)))
                .isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Register a screen")).isFocused();
    }

    static void removeFromTheKeyboard(Page page, String screen) {
        Locator remove = button(page, "Remove screen “" + screen + "”");
        remove.focus();
        page.keyboard().press("Enter");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Remove screen “" + screen + "”?");
        Locator yes = dialog.getByRole(
                AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Remove").setExact(true));
        yes.focus();
        page.keyboard().press("Enter");
        assertThat(remove).hasCount(0);
    }
}
