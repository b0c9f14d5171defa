package io.licencedesk.console;

import com.microsoft.playwright.Page;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's lists on a 390 px phone, from the keyboard alone: every Tab stop shows the solid focus ring of
 * decision 0054, in a colour that stands out from what is behind it (3:1). The search box, the drop-downs, the paging
 * links and the Menu button had Bootstrap's faint glow instead (its :focus rules won over ours), and the ring on the
 * dark bar was dark blue on dark blue.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ListFocusRingBrowserTests {

    /**
     * What is wrong with the ring of the focused element (or of the Tom Select box holding it), or "" when nothing is:
     * no solid outline of 2 px or more, or one under 3:1 against the first opaque background behind it.
     */
    private static final String RING_PROBLEM = """
            () => {
              const focused = document.activeElement;
              if (!focused || focused === document.body) return '';
              const ringed = focused.closest('.ts-control') || focused;
              const style = getComputedStyle(ringed);
              const name = (focused.getAttribute('aria-label') || focused.textContent || focused.name || focused.tagName)
                  .trim().replace(/\\s+/g, ' ').slice(0, 40);
              if (style.outlineStyle !== 'solid' || parseFloat(style.outlineWidth) < 2) {
                return name + ': outline ' + style.outlineStyle + ' ' + style.outlineWidth;
              }
              const rgb = c => c.match(/[\\d.]+/g).map(Number);
              const luminance = ([r, g, b]) => [r, g, b]
                  .map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
              let behind = ringed.parentElement;
              let background = 'rgb(255, 255, 255)';
              while (behind) {
                const colour = getComputedStyle(behind).backgroundColor;
                if (colour && !colour.startsWith('rgba(0, 0, 0, 0)') && colour !== 'transparent'
                    && (rgb(colour)[3] === undefined || rgb(colour)[3] === 1)) { background = colour; break; }
                behind = behind.parentElement;
              }
              const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
              const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              return contrast < 3 ? name + ': ring ' + style.outlineColor + ' on ' + background + ' is '
                  + contrast.toFixed(2) + ':1' : '';
            }""";

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    TestOrganisation org;

    @BeforeAll
    void elevenLicencesAndTheirInvoices() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        List<Long> assigned = new ArrayList<>();
        for (int number = 1; number <= 11; number++) {
            assigned.add(licences.create(
                            org.manager(),
                            new NewLicence(
                                    monthly.id(),
                                    "Screen %02d".formatted(number),
                                    null,
                                    1,
                                    org.alice().userId()))
                    .id());
        }
        invoicing.send(org.manager(), assigned);
    }

    @Test
    void everyTabStopOfTheListsShowsARingThatStandsOutOnAPhone(Page page) {
        page.setViewportSize(390, 844);
        SignIn.throughTheForm(page, org.manager().email());
        Set<String> problems = new LinkedHashSet<>();
        int stops = 0;
        for (String list : List.of("/licences?size=10", "/invoices", "/clients")) {
            page.navigate(list);
            page.keyboard().press("Tab");
            for (int stop = 0; stop < 60; stop++) {
                if ((Boolean) page.evaluate("() => document.activeElement === document.body")) {
                    break; // past the last stop
                }
                stops++;
                String problem = (String) page.evaluate(RING_PROBLEM);
                if (!problem.isEmpty()) {
                    problems.add(list + " " + problem);
                }
                page.keyboard().press("Tab");
            }
        }
        Assertions.assertThat(stops).as("Tab stops visited").isGreaterThan(30);
        Assertions.assertThat(problems).isEmpty();
    }
}
