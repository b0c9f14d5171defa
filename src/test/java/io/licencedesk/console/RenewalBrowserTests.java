package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Renewing by hand and choosing whether a licence renews by itself, as an account manager does, and the client
 * seeing it in the portal (decision 0048).
 */
@BrowserTest
class RenewalBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Test
    void aManagerRenewsALicenceByHandAndTheClientSeesItsNewTermAndInvoice(Page page) {
        TestOrganisation org = organisations.create();
        Plan yearly = fixture.yearlyPlan(org);
        long id = testLicences.activated(
                org.owner(),
                yearly,
                org.alice().userId(),
                "Lobby",
                testLicences.today().minusMonths(11));
        // Renewing asks in the app's own dialog: a native confirm() is recorded here and fails the test below
        // (tools that do not answer native dialogs dismiss them, and Renew now then seemed to do nothing).
        List<String> nativeDialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            nativeDialogs.add(dialog.message());
            dialog.dismiss();
        });

        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/licences/" + id);
        var renewal = page.locator("#renewal");
        assertThat(renewal).containsText("Term 1:");
        assertThat(renewal).containsText("No: it expires at the end of its term");
        renewal.getByLabel("Renew by itself").selectOption("yes");
        renewal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("#toasts")).containsText("renews by itself");
        assertThat(page.locator("#renewal")).containsText("(chosen for this licence)");

        page.locator("#renewal")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Renew now"))
                .click();

        // Its first term was never invoiced: the renewal invoices it too, and says so before and after (decision 0065).
        Locator asking = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Renew now"));
        assertThat(asking).isVisible();
        assertThat(asking).containsText("not invoiced yet");
        assertThat(asking).containsText("invoices of both terms");
        asking.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Renew now"))
                .click();
        assertThat(page.locator("#toasts"))
                .containsText(Pattern.compile("renewed until .*Invoices .*the term that was running"));
        assertThat(nativeDialogs).isEmpty();
        assertThat(page.locator("#renewal")).containsText("Term 2:");
        assertThat(page.locator("#renewal")).containsText("when it renewed");
        assertThat(page.locator("#renewal")).containsText("already renewed");
        assertThat(page.locator("#renewal")
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Renew now")))
                .hasCount(0);
        assertThat(page.locator(".history")).containsText("Renewed");
        assertThat(invoicing.forLicence(org.manager(), id))
                .extracting(invoice -> invoice.line().termNumber())
                .containsExactlyInAnyOrder(1, 2);

        page.context().clearCookies();
        SignIn.throughTheForm(page, org.alice().email());
        page.navigate("/portal/licences/" + id);
        assertThat(page.locator("#renews")).containsText("Yes, by itself");
        page.navigate("/portal/invoices");
        assertThat(page.locator("main"))
                .containsText(invoicing.forLicence(org.manager(), id).get(0).number());
    }
}
