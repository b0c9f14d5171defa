package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.status;
import static io.licencedesk.support.PageParts.toast;

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
}
