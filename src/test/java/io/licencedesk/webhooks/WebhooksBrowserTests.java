package io.licencedesk.webhooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.Receiver.Received;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An owner sets up a webhook in the browser: allows private addresses (the receiver runs on this machine), adds
 * an endpoint, copies its signing secret (shown once), and sees a delivery in the endpoint's log, which the
 * receiver verified with that secret.
 */
@BrowserTest
@TestPropertySource(
        properties = {"licencedesk.webhooks.poll-interval=PT24H", "licencedesk.webhooks.term-scan-delay=PT24H"})
class WebhooksBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    Webhooks webhooks;

    Receiver receiver;
    TestOrganisation org;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new Receiver();
        org = fixture.organisation();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void addsAnEndpointSeesItsSecretOnceAndItsDeliveries(Page page) throws Exception {
        signIn(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Webhooks")))
                .isVisible();

        page.getByLabel("Endpoint URL").fill(receiver.url());
        page.getByLabel("Description").fill("Shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint"))
                .click();
        assertThat(page.locator("#url-error")).containsText("is a private address");

        page.getByLabel("Allow endpoints at private addresses").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("allowed")))
                .isVisible();
        page.getByLabel("Endpoint URL").fill(receiver.url());
        page.getByLabel("Description").fill("Shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint"))
                .click();

        Locator secretBox = page.locator("#signing-secret");
        assertThat(secretBox).containsText("shown only this once");
        String secret = secretBox.locator("code").textContent().strip();
        Assertions.assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(page).hasURL(Pattern.compile(".*/settings/webhooks/\\d+$"));
        Screenshots.save(page, "webhook-secret.png");

        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        dispatcher.dispatchDue();
        page.reload();

        assertThat(page.locator("#signing-secret")).hasCount(0);
        Assertions.assertThat(page.content()).doesNotContain(secret);
        Locator row =
                page.locator("#deliveries tbody tr").filter(new Locator.FilterOptions().setHasText("licence.created"));
        assertThat(row).containsText("Delivered");
        assertThat(row).containsText("200");
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send again")))
                .isVisible();
        // Each row's button says which event it sends (decision 0143): a screen reader's list of buttons read "Send
        // again" once a delivery, with nothing to tell them apart.
        assertThat(row.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions()
                                .setName(Pattern.compile("^Send again: licence\\.created \\(evt_"))))
                .isVisible();
        Screenshots.save(page, "webhook-log.png");

        Received received = receiver.next(secret);
        Assertions.assertThat(received.type()).isEqualTo("licence.created");
        Assertions.assertThat(received.object().get("name").asString()).isEqualTo("Lobby");

        // The delivery's own page shows the body the receiver got, byte for byte (decision 0157).
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(received.id()))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("licence.created")))
                .isVisible();
        Assertions.assertThat(page.locator("#delivery-body").textContent()).isEqualTo(received.body());
        assertThat(page.locator("#delivery-headers")).containsText("LicenceDesk-Event-Id: " + received.id());
    }

    /**
     * An owner rolls the secret from the endpoint's page (decision 0157): asked first, in the page's own dialog; the
     * new secret shown once, the address back to the endpoint's (a reload posts nothing), the page saying until when
     * the previous one signs; the receiver's next request verifies with either secret.
     */
    @Test
    void rollsTheSigningSecretKeepingThePreviousOneForADay(Page page) throws Exception {
        webhooks.allowPrivateAddresses(org.owner(), true);
        CreatedEndpoint created =
                webhooks.register(org.owner(), new NewEndpoint(receiver.url(), "Shop", true, java.util.Set.of()));
        page.onDialog(dialog -> Assertions.fail("a native dialog: " + dialog.message()));
        signIn(page);
        page.navigate("/settings/webhooks/" + created.endpoint().id());

        assertThat(page.getByLabel("Keep the current secret signing for 24 hours"))
                .isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roll secret"))
                .click();
        page.locator("#ask-dialog")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll secret"))
                .click();

        Locator secretBox = page.locator("#signing-secret");
        assertThat(secretBox).containsText("shown only this once");
        String secret = secretBox.locator("code").textContent().strip();
        Assertions.assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}").isNotEqualTo(created.signingSecret());
        assertThat(page).hasURL(Pattern.compile(".*/settings/webhooks/\\d+$"));
        assertThat(page.locator("#previous-secret-signs")).containsText("The previous secret also signs until");

        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        dispatcher.dispatchDue();
        Received received = receiver.next(secret);
        Assertions.assertThat(received.signedWith(created.signingSecret())).isTrue();
        page.reload();
        assertThat(page.locator("#signing-secret")).hasCount(0);
    }

    /**
     * An owner changes an endpoint's description and events from the keyboard (decision 0161): no event chosen is
     * refused beside the events, then the change is saved, the page shows it, and the receiver's next request still
     * verifies with the secret it had. The console had no way to change an endpoint but to delete it.
     */
    @Test
    void changesAnEndpointsEventsFromTheKeyboardKeepingItsSecret(Page page) throws Exception {
        webhooks.allowPrivateAddresses(org.owner(), true);
        CreatedEndpoint created =
                webhooks.register(org.owner(), new NewEndpoint(receiver.url(), "Shop", true, java.util.Set.of()));
        signIn(page);
        page.navigate("/settings/webhooks/" + created.endpoint().id());

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Edit").setExact(true))
                .focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit endpoint")))
                .isVisible();
        assertThat(page.getByLabel("Endpoint URL")).hasAttribute("readonly", "");
        page.getByLabel("All events, including those added later").focus();
        page.keyboard().press("Space");
        page.getByLabel("Description").focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("Till");
        page.keyboard().press("Enter");

        assertThat(page.locator("#eventTypes-error")).containsText("Choose at least one event, or all of them.");
        Assertions.assertThat(
                        webhooks.endpoint(org.owner(), created.endpoint().id()).description())
                .isEqualTo("Shop");
        page.getByLabel("licence.created").focus();
        page.keyboard().press("Space");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .focus();
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/settings/webhooks/\\d+$"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Endpoint saved")))
                .isVisible();
        assertThat(page.locator("section")).containsText("Till");
        assertThat(page.locator("section")).containsText("licence.created");

        licences.create(org.manager(), new NewLicence(fixture.monthlyPlan(org).id(), "Lobby", null, 1, null));
        dispatcher.dispatchDue();
        Received received = receiver.next(created.signingSecret());
        Assertions.assertThat(received.type()).isEqualTo("licence.created");
    }

    private void signIn(Page page) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(org.owner().email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(Pattern.compile("^http://localhost:\\d+/$"));
    }
}
