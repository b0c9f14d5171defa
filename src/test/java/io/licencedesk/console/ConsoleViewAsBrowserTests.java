package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.BrowserTest;
import java.math.BigDecimal;
import java.time.Period;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account manager views the portal as a client from the client's page: the client's licences under a banner,
 * every control disabled, then Stop brings them back to the client's page.
 */
@BrowserTest
class ConsoleViewAsBrowserTests {

    @Autowired
    TestOrganisations organisations;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestLicences licences;

    TestOrganisation org;

    @BeforeEach
    void createOrganisation() {
        org = organisations.create();
        Plan plan = plans.addPlan(
                org.owner(), new io.licencedesk.licence.NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("10")));
        licences.activated(org.owner(), plan, org.alice().userId(), "Alice lobby", licences.today());
    }

    @Test
    void viewsThePortalAsTheClientReadOnlyAndStops(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/clients/" + org.alice().userId());
        button(page, "View as client: " + org.alice().name()).click();

        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        assertThat(page.getByText("Viewing as " + org.alice().name() + " — read-only"))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My licences")))
                .isVisible();
        assertThat(page.getByText("Alice lobby")).isVisible();
        Locator controls = page.locator("main button, main input");
        for (int i = 0; i < controls.count(); i++) {
            assertThat(controls.nth(i)).isDisabled();
        }

        button(page, "Stop").click();
        assertThat(page).hasURL(Pattern.compile(".*/clients/" + org.alice().userId() + "$"));
        assertThat(page.getByText("Viewing as")).hasCount(0);
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions()
                                .setName("Viewed as the client: stopped")
                                .setExact(true)))
                .isVisible();
    }
}
