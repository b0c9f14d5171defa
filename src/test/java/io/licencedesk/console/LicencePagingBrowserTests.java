package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.console.LicenceList.names;
import static io.licencedesk.support.PageParts.disabledPageLink;
import static io.licencedesk.support.PageParts.link;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/** Paging through 30 licences, newest first, with the page size selector and the paging links. */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class LicencePagingBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;

    @BeforeAll
    void createThirtyLicences() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        for (int number = 1; number <= 30; number++) {
            licences.create(
                    org.manager(), new NewLicence(monthly.id(), "Screen %02d".formatted(number), null, 1, null));
        }
    }

    /** Licence names from the newest down, e.g. screens(30, 21) for the first page of ten. */
    static String[] screens(int from, int to) {
        return IntStream.iterate(from, number -> number >= to, number -> number - 1)
                .mapToObj("Screen %02d"::formatted)
                .toArray(String[]::new);
    }

    @Test
    void pagesThroughTheListWithTheChosenPageSize(Page page) {
        SignIn.throughTheForm(page, org.manager().email());
        SignIn.toTheList(page);
        assertThat(page.getByText("30 licences")).isVisible();
        assertThat(names(page)).hasText(screens(30, 6));

        page.getByLabel("Per page").selectOption(new SelectOption().setLabel("10"));

        assertThat(page).hasURL(Pattern.compile(".*size=10.*"));
        assertThat(names(page)).hasText(screens(30, 21));
        assertThat(link(page, "‹ Previous")).hasCount(0);
        assertThat(disabledPageLink(page, "‹ Previous")).isVisible();
        assertThat(link(page, "First page")).hasCount(0);
        assertThat(disabledPageLink(page, "First page")).isVisible();

        link(page, "Next ›").click();
        assertThat(names(page)).hasText(screens(20, 11));

        link(page, "Next ›").click();
        assertThat(names(page)).hasText(screens(10, 1));
        assertThat(link(page, "Next ›")).hasCount(0);
        assertThat(disabledPageLink(page, "Next ›")).isVisible();
        assertThat(link(page, "Last page")).hasCount(0);
        assertThat(disabledPageLink(page, "Last page")).isVisible();

        link(page, "‹ Previous").click();
        assertThat(names(page)).hasText(screens(20, 11));

        link(page, "First page").click();
        assertThat(names(page)).hasText(screens(30, 21));
        assertThat(page.getByLabel("Per page")).hasValue("10");

        link(page, "Last page").click();
        assertThat(names(page)).hasText(screens(10, 1));
        assertThat(link(page, "‹ Previous")).isVisible();
        assertThat(disabledPageLink(page, "‹ Previous")).hasCount(0);

        link(page, "‹ Previous").click();
        assertThat(names(page)).hasText(screens(20, 11));
    }
}
