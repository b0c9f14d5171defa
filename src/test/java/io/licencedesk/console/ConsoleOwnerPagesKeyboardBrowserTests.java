package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.EventType;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner's pages from the keyboard only (decision 0143): where the keyboard is after an action that loads the page
 * again by itself or shows something only once.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ConsoleOwnerPagesKeyboardBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    Webhooks webhooks;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    final SignIn signIn = new SignIn();

    TestOrganisation org;

    Plan monthly;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
    }

    static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * The import's page loads again by itself when its check ends, and again when the confirmed import ends: each time
     * the keyboard was back at the top of the page and a screen reader heard nothing of the outcome. It starts at the
     * report's heading, the next Tab reaching Import, then at the message that says what was imported.
     */
    @Test
    void anImportsCheckAndImportEndWithTheKeyboardOnTheirOutcome(Page page) {
        signIn.as(page, org.owner().email());
        page.navigate("/licences/imports");
        page.waitForLoadState(LoadState.LOAD);
        byte[] file = ("name,plan,screens\r\nKeyboard lobby,Monthly,2\r\nKeyboard hall,Monthly,lots\r\n")
                .getBytes(StandardCharsets.UTF_8);
        page.getByLabel("CSV file").setInputFiles(new FilePayload("keyboard.csv", "text/csv", file));
        button(page, "Check file").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/licences/imports/\\d+$"));

        assertThat(page.locator("#import-problems")).containsText("“lots” is not a whole number of screens");
        assertThat(heading(page, "Check")).isFocused();
        page.keyboard().press("Tab");
        Locator importIt = button(page, "Import 1 licence");
        assertThat(importIt).isFocused();

        page.keyboard().press("Enter");
        Locator imported = page.locator("#import-done-message");
        assertThat(imported).containsText("Imported");
        assertThat(imported).isFocused();
    }

    /**
     * A new endpoint's signing secret is shown only this once, as a new API token is: the token's page starts at it,
     * the endpoint's page left the keyboard at its top, the secret and its Copy button many Tabs away.
     */
    @Test
    void addingAWebhookEndpointLeavesTheKeyboardOnItsSigningSecret(Page page) {
        signIn.as(page, org.owner().email());
        page.navigate("/settings/webhooks");
        page.getByLabel("Endpoint URL").fill("https://203.0.113.7/" + org.id() + "/keyboard");
        page.getByLabel("All events, including those added later").uncheck();
        page.getByLabel("invoice.payment_removed").check();
        button(page, "Add endpoint").focus();
        page.keyboard().press("Enter");

        Locator secret = page.locator("#signing-secret");
        assertThat(secret).containsText("shown only this once");
        assertThat(secret).isFocused();
        page.keyboard().press("Tab");
        assertThat(secret.getByRole(AriaRole.BUTTON)).isFocused();
    }

    /**
     * A person's role changed, or their access turned off and on again, from the keyboard: the page came back with the
     * keyboard at its top (on a phone, the screen too), rows away from the person. It is on the same button again, or
     * on the one that took its place (Enable for Disable).
     */
    @Test
    void peoplesActionsFromTheKeyboardLeaveTheFocusOnThePersonsRow(Page page) {
        page.setViewportSize(390, 844);
        signIn.as(page, org.owner().email());
        page.navigate("/people");
        String name = org.manager().name();

        page.getByLabel("Role of " + name, new Page.GetByLabelOptions().setExact(true))
                .selectOption("OWNER");
        Locator changeRole = button(page, "Change role of " + name);
        changeRole.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is now Owner");
        assertThat(changeRole).isFocused();

        button(page, "Disable " + name).focus();
        page.keyboard().press("Enter");
        Locator enable = button(page, "Enable " + name);
        assertThat(enable).isFocused();
        page.keyboard().press("Enter");
        assertThat(button(page, "Disable " + name)).isFocused();
    }

    /** The endpoint's Disable, pressed from the keyboard, comes back as Enable with the focus on it. */
    @Test
    void disablingAWebhookEndpointFromTheKeyboardLeavesTheFocusOnEnable(Page page) {
        long endpoint = fixture.webhookEndpointWithALongAddress(org);
        signIn.as(page, org.owner().email());
        page.navigate("/settings/webhooks/" + endpoint);
        button(page, "Disable").focus();
        page.keyboard().press("Enter");
        assertThat(button(page, "Enable")).isFocused();
    }

    /**
     * A delivery sent again waits to be sent, and has no Send again until it is over: its form was gone with the button
     * the keyboard was on, and the page came back with the keyboard at its top (decision 0149). It is on the row's new
     * status, the next Tab going on from the row. The endpoint is disabled once the delivery is made, so that nothing is
     * sent from the test.
     */
    @Test
    void sendingADeliveryAgainFromTheKeyboardLeavesTheFocusOnItsNewStatus(Page page) {
        long endpoint = webhooks.register(
                        org.owner(),
                        new NewEndpoint(
                                "https://203.0.113.7/" + org.id() + "/send-again",
                                null,
                                false,
                                Set.of(EventType.LICENCE_CREATED)))
                .endpoint()
                .id();
        licences.create(org.manager(), new NewLicence(monthly.id(), "Again", null, 1, null));
        webhooks.disable(org.owner(), endpoint);
        long delivery =
                webhooks.deliveries(org.owner(), endpoint, 1, 10).items().get(0).id();
        // Ended as failed, unless the dispatcher is sending it at this moment (it was due for a few milliseconds).
        while (jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = 10 where id = :id"
                                + " and status <> 'SENDING'")
                        .param("id", delivery)
                        .update()
                == 0) {
            Thread.onSpinWait();
        }
        signIn.as(page, org.owner().email());
        page.navigate("/settings/webhooks/" + endpoint);

        Locator sendAgain = page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(Pattern.compile("^Send again: licence\\.created")));
        sendAgain.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("sent again")))
                .isVisible();
        assertThat(sendAgain).hasCount(0);
        Locator status = page.locator("#delivery-" + delivery + " [data-row-outcome]");
        assertThat(status).containsText("Waiting");
        assertThat(status).isFocused();
        assertThat(status).hasCSS("outline-style", "solid");
    }

    /**
     * Enter pressed in a field sends its form with the form's first button as the sender: the page came back with the
     * focus on Save, away from the field the person was typing in (decision 0149). It is back in that field; a form
     * refused starts at its first field in error, as before.
     */
    @Test
    void enterInAFieldOfASavedFormLeavesTheFocusInThatField(Page page) {
        signIn.as(page, org.owner().email());
        page.navigate("/settings");
        Locator sender = page.getByLabel("Sender name");
        sender.fill("Keyboard Signage");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("saved")))
                .isVisible();
        assertThat(sender).hasValue("Keyboard Signage");
        assertThat(sender).isFocused();

        Locator vatRate = page.getByLabel("VAT rate (%)");
        vatRate.fill("250");
        sender.focus();
        page.keyboard().press("Enter");
        assertThat(vatRate).hasAttribute("aria-invalid", "true");
        assertThat(vatRate).isFocused();
    }
}
