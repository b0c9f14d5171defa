package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.status;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The messages that say what an action did (toasts) stay long enough to be read (WCAG 2.2.1, decision 0136): they
 * went after 4 or 5 seconds, before a person reading slowly or through a magnifier had read them. The page's clock
 * is the test's, so that minutes pass at once.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ToastsBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    final SignIn signIn = new SignIn();

    TestOrganisation org;

    Plan monthly;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
    }

    LicenceDetails licence(String name) {
        return licences.create(
                org.manager(),
                new NewLicence(monthly.id(), name, null, 1, org.alice().userId()));
    }

    /** The licence's page, with the page's clock in the test's hands from the start. */
    Page licencePage(Page page, LicenceDetails licence) {
        page.clock().install();
        signIn.as(page, org.manager().email());
        page.navigate("/licences/" + licence.id());
        return page;
    }

    @Test
    void aConfirmationStaysLongEnoughToReadThenGoes(Page page) {
        LicenceDetails lobby = licence("Toast lobby");
        licencePage(page, lobby);

        button(page, "Pause").click();
        Locator paused = toast(page, "Licence " + lobby.couponCode().value() + " paused.");
        assertThat(paused).isVisible();
        page.clock().runFor(12_000);
        assertThat(paused).isVisible();

        page.clock().runFor(4_000);
        assertThat(paused).isHidden();
    }

    @Test
    void aConfirmationStaysWhileThePointerIsOnItAndTheKeyboardInIt(Page page) {
        LicenceDetails hall = licence("Toast hall");
        licencePage(page, hall);
        button(page, "Pause").click();
        Locator paused = toast(page, "Licence " + hall.couponCode().value() + " paused.");

        paused.hover();
        page.clock().runFor(120_000);
        assertThat(paused).isVisible();

        paused.getByRole(AriaRole.BUTTON).focus();
        page.mouse().move(0, 0);
        page.clock().runFor(120_000);
        assertThat(paused).isVisible();

        page.locator("h1").click();
        page.clock().runFor(16_000);
        assertThat(paused).isHidden();
    }

    /**
     * A screen reader reads a live region's words when they change, and the whole region when it is atomic: the
     * region was the toast, its close button included, and the message that comes with the page after a form was
     * read with "Close" after its words. The region is the message alone, in the page's toast and the script's.
     */
    @Test
    void aToastsLiveRegionHoldsItsMessageAlone(Page page) {
        LicenceDetails step = licence("Toast step");
        String code = step.couponCode().value();
        signIn.as(page, org.manager().email());
        page.navigate("/licences/" + step.id());

        button(page, "Pause").click();
        String paused = "Licence " + code + " paused.";
        assertThat(toast(page, paused)).isVisible();
        assertThat(status(page, paused)).hasCount(1);
        Assertions.assertThat(status(page, paused).ariaSnapshot())
                .as("what the page's message says")
                .contains(paused)
                .doesNotContain("button");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy coupon code " + code))
                .click();
        String copied = "Coupon code " + code + " copied to the clipboard";
        assertThat(toast(page, copied)).isVisible();
        assertThat(status(page, copied)).hasCount(1);
        Assertions.assertThat(status(page, copied).ariaSnapshot())
                .as("what the script's message says")
                .contains(copied)
                .doesNotContain("button");
    }

    /** Someone else paused the licence while its page was open: the refusal stays until it is closed. */
    @Test
    void anErrorStaysUntilItIsClosedAndIsAnnouncedOnce(Page page) {
        LicenceDetails foyer = licence("Toast foyer");
        licencePage(page, foyer);
        licences.pause(org.manager(), foyer.id());

        button(page, "Pause").click();
        Locator refused = page.locator("#toasts .toast.text-bg-danger");
        assertThat(refused).isVisible();
        page.clock().runFor(600_000);
        assertThat(refused).isVisible();
        assertThat(status(page, refused.textContent())).hasCount(1);

        refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(refused).isHidden();
    }

    /** Escape closes a message from wherever the keyboard is: the close button comes only after the whole page. */
    @Test
    void escapeClosesAnErrorFromTheKeyboard(Page page) {
        LicenceDetails porch = licence("Toast porch");
        licencePage(page, porch);
        licences.pause(org.manager(), porch.id());

        button(page, "Pause").click();
        Locator refused = page.locator("#toasts .toast.text-bg-danger");
        assertThat(refused).isVisible();
        page.keyboard().press("Tab");
        page.keyboard().press("Escape");
        assertThat(refused).isHidden();
    }

    /**
     * Closing a toast from the keyboard (its Close button, or Escape on it) dropped the focus on the page's body, and
     * the next Tab started again at the top of the page. The focus goes back to the control it was on before.
     */
    @Test
    void closingAToastGivesTheFocusBackWhereItWas(Page page) {
        LicenceDetails gate = licence("Toast gate");
        String code = gate.couponCode().value();
        signIn.as(page, org.manager().email());
        page.navigate("/licences/" + gate.id());
        Locator copy = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy coupon code " + code));

        for (String key : java.util.List.of("Enter", "Escape")) {
            copy.focus();
            page.keyboard().press("Enter");
            Locator copied = toast(page, "Coupon code " + code + " copied");
            assertThat(copied).isVisible();
            JSHandle before = tabUntilIn(page, copied);
            page.keyboard().press(key);
            assertThat(copied).isHidden();
            Assertions.assertThat(before.evaluate("element => element === document.activeElement"))
                    .as("the focus after closing the toast with " + key + " is where it was before")
                    .isEqualTo(true);
        }
    }

    /** A message that came with the page, closed before anything else had the focus: the page's heading takes it. */
    @Test
    void closingAPagesMessageWithNothingFocusedBeforeLeavesTheFocusOnTheHeading(Page page) {
        LicenceDetails arch = licence("Toast arch");
        licencePage(page, arch);
        licences.pause(org.manager(), arch.id());
        button(page, "Pause").click();
        Locator refused = page.locator("#toasts .toast.text-bg-danger");
        assertThat(refused).isVisible();

        Locator close = refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"));
        close.focus();
        page.keyboard().press("Enter");
        assertThat(refused).isHidden();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Toast arch")))
                .isFocused();
    }

    /**
     * Doing the same thing twice showed its message twice, one toast above the other. It is one toast, said again (its
     * words written into its live region once more) with its time started again; another message stands beside it.
     */
    @Test
    void theSameMessageTwiceIsOneToastSaidAgain(Page page) {
        LicenceDetails bay = licence("Toast bay");
        String code = bay.couponCode().value();
        licencePage(page, bay);
        listenToTheLiveRegions(page);
        Locator copy = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy coupon code " + code));
        String copied = "Coupon code " + code + " copied to the clipboard";

        copy.click();
        assertThat(toast(page, copied)).isVisible();
        page.clock().runFor(10_000);
        copy.click();
        // The clipboard answers, then the words go into the region 100 ms later (on the page's clock).
        for (int turn = 0;
                turn < 100 && !page.evaluate("() => window.said.length").equals(2);
                turn++) {
            page.clock().runFor(100);
        }
        // Counted at once: the older toast of the old code went by itself 15 s after it came, which a retrying
        // assertion would have waited for.
        Assertions.assertThat(toast(page, copied).count())
                .as("toasts saying it")
                .isEqualTo(1);
        Assertions.assertThat(status(page, copied).count())
                .as("live regions saying it")
                .isEqualTo(1);
        Assertions.assertThat(page.evaluate("() => window.said"))
                .as("what the live regions were given to say")
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(copied, copied);
        page.clock().runFor(10_000);
        assertThat(toast(page, copied)).isVisible();
        page.clock().runFor(6_000);
        assertThat(toast(page, copied)).isHidden();

        copy.click();
        page.evaluate("() => window.licenceDesk.toast('Something else went wrong.', 'danger')");
        assertThat(toast(page, copied)).isVisible();
        assertThat(toast(page, "Something else went wrong.")).isVisible();
        assertThat(page.locator("#toasts .toast.show")).hasCount(2);
    }

    /**
     * The same refusal twice (a 21st licence selected, then again) showed the same error twice, one above the other,
     * each staying until closed. It is one error, said again.
     */
    @Test
    void theSameRefusalTwiceIsOneErrorSaidAgain(Page page) {
        TestOrganisation crowded = organisations.create();
        Plan plan = fixture.monthlyPlan(crowded);
        for (int i = 1; i <= 21; i++) {
            licences.create(
                    crowded.manager(),
                    new NewLicence(
                            plan.id(),
                            "Crowd %02d".formatted(i),
                            null,
                            1,
                            crowded.alice().userId()));
        }
        SignIn.throughTheForm(page, crowded.manager().email());
        page.navigate("/licences?size=25");
        for (int i = 1; i <= 20; i++) {
            LicenceList.row(page, "Crowd %02d".formatted(i))
                    .getByRole(AriaRole.CHECKBOX)
                    .check();
            assertThat(page.locator("#selection-count")).hasText(i + " selected");
        }
        Locator twentyFirst = LicenceList.row(page, "Crowd 21").getByRole(AriaRole.CHECKBOX);
        Locator refused = page.locator("#toasts .toast.text-bg-danger.show");

        listenToTheLiveRegions(page);
        twentyFirst.click();
        assertThat(refused).containsText("at most 20 licences");
        String message = refused.textContent().strip();
        twentyFirst.click();
        // Each refusal is said: the second one's words go into a live region again once the server has answered.
        page.waitForFunction("() => window.said.length === 2");
        assertThat(twentyFirst).not().isChecked();
        Assertions.assertThat(refused.count()).as("errors shown").isEqualTo(1);
        Assertions.assertThat(status(page, message).count())
                .as("live regions saying it")
                .isEqualTo(1);
    }

    /** Notes in window.said what the toasts' live regions are given to say: each time words are written into one. */
    static void listenToTheLiveRegions(Page page) {
        page.evaluate("() => { window.said = []; new MutationObserver(records => records.forEach(record => {"
                + " const region = record.target.nodeType === 1 && record.target.closest('[role=status]');"
                + " if (region && record.addedNodes.length && region.textContent) window.said.push(region.textContent);"
                + " })).observe(document.getElementById('toasts'), {subtree: true, childList: true}); }");
    }

    /** Tabs from where the keyboard is until it reaches the toast; answers the element it was on just before. */
    static JSHandle tabUntilIn(Page page, Locator toast) {
        JSHandle before = page.evaluateHandle("() => document.activeElement");
        for (int press = 0; press < 80; press++) {
            page.keyboard().press("Tab");
            if (toast.evaluate("element => element.contains(document.activeElement)")
                    .equals(true)) {
                return before;
            }
            before = page.evaluateHandle("() => document.activeElement");
        }
        throw new AssertionError("Tab never reached the toast");
    }
}
