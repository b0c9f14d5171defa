package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.shared.Language;
import io.licencedesk.support.Accessibility;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
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
 * The owner's pages beyond licences and invoices (clients, plans, settings, payment, renewals, webhooks, people,
 * profile) on a 390 px phone, in English and in French: none scrolls sideways and axe finds nothing.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ConsoleOwnerPagesOnAPhoneBrowserTests {

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;
    List<String> paths;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        long plan = fixture.monthlyPlan(org).id();
        long endpoint = fixture.webhookEndpointWithALongAddress(org);
        long alice = org.alice().userId();
        paths = List.of(
                "/clients",
                "/clients/new",
                "/clients/" + alice,
                "/clients/" + alice + "/edit",
                "/plans",
                "/plans/new",
                "/plans/" + plan + "/edit",
                "/settings",
                "/settings/payment",
                "/settings/renewals",
                "/settings/webhooks",
                "/settings/webhooks/" + endpoint,
                "/settings/webhooks/" + endpoint + "/edit",
                "/people",
                "/profile",
                "/api-tokens");
    }

    @Test
    void theOwnersPagesFitAPhoneInBothLanguages(Page page) {
        List<String> problems = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.FR)) {
            languages.choose(org.owner(), language);
            page.context().clearCookies();
            page.setViewportSize(390, 844);
            page.navigate("/login");
            page.locator("#email").fill(org.owner().email());
            page.locator("#password").fill(TestOrganisation.PASSWORD);
            page.locator("form[action='/login'] button[type=submit]").click();
            assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
            for (String path : paths) {
                page.navigate(path);
                assertThat(page.locator("h1").first()).isVisible();
                Object[] widths = ((List<?>) page.evaluate(
                                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"))
                        .toArray();
                if (((Number) widths[0]).intValue() > ((Number) widths[1]).intValue()) {
                    problems.add(language + " " + path + " is " + widths[0] + " px wide");
                }
                try {
                    Accessibility.check(page);
                } catch (AssertionError found) {
                    problems.add(language + " " + path + ": " + found.getMessage());
                }
            }
        }
        languages.choose(org.owner(), Language.EN);
        Assertions.assertThat(problems).isEmpty();
    }
}
