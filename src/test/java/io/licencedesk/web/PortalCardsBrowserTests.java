package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's lists on a phone, where each row is a card of labelled values: a value of two parts keeps each of its
 * lines flush right. An invoice's licence code, under the licence's name, stood at the left edge of the card, under
 * the label "Licence", as if it were a label; and a licence's billing badge ("Invoice due"), when it did not fit
 * beside "Active · expiring soon", went to the next line at the left edge too.
 */
@BrowserTest
class PortalCardsBrowserTests {

    /** Each cell's lines that end short of the cell's right edge, said as "label: value". */
    static final String LINES_SHORT_OF_THE_EDGE = """
            () => {
              const faults = [];
              for (const cell of document.querySelectorAll('.table-cards > tbody > tr > td[data-label]:not([colspan])')) {
                const edge = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
                const range = document.createRange();
                range.selectNodeContents(cell);
                const parts = [...range.getClientRects()].filter(part => part.width > 0 && part.height > 0);
                for (const part of parts) {
                  const line = parts.filter(other => other.top < part.bottom - 1 && other.bottom > part.top + 1);
                  const end = Math.max(...line.map(other => other.right));
                  if (end < edge - 2) {
                    faults.push(cell.dataset.label + ': ' + cell.textContent.trim().replace(/\\s+/g, ' ')
                        + ' (a line ends at ' + Math.round(end) + ' px, the card at ' + Math.round(edge) + ')');
                    break;
                  }
                }
              }
              return faults;
            }""";

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    UserLanguages languages;

    @Test
    void aValueOfTwoPartsKeepsEachLineFlushRightOnAPhone(Page page) {
        TestOrganisation org = organisations.create();
        // Active, ending within the warning window, and invoiced: two badges, wider together than the room beside
        // their label.
        long endingSoon = testLicences.activated(
                org.owner(),
                fixture.monthlyPlan(org),
                org.alice().userId(),
                "Reception and lobby screens",
                testLicences.today().minusDays(20));
        invoicing.send(org.manager(), List.of(endingSoon));

        List<String> faults = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.FR)) {
            languages.choose(org.alice(), language);
            page.context().clearCookies();
            PhoneBrowserTests.signIn(page, org.alice());
            for (String path : List.of("/portal", "/portal/invoices")) {
                page.navigate(path);
                assertThat(page.locator(".table-cards td[data-label]").first()).isVisible();
                for (Object fault : (List<?>) page.evaluate(LINES_SHORT_OF_THE_EDGE)) {
                    faults.add(language + " " + path + ": " + fault);
                }
            }
        }
        Assertions.assertThat(faults)
                .as("lines of a card's values at %d px", PhoneBrowserTests.WIDTH)
                .isEmpty();
    }
}
