package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The licence list's filters typed by hand: one the page cannot read (a status it does not know, a day that is not
 * one) was left out silently, so the list looked filtered and was not. It is still left out (never an error page),
 * and the page says which, as the invoice list does.
 */
@IntegrationTest
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ConsoleLicenceListFiltersIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestLicences testLicences;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        Plan plan = fixture.monthlyPlan(org);
        testLicences.activated(org.owner(), plan, org.alice().userId(), "Alice lobby", testLicences.today());
        testLicences.activated(org.owner(), plan, org.bob().userId(), "Bob lobby", testLicences.today());
    }

    @Test
    void saysWhichFilterOfTheAddressItDidNotUnderstandAndShowsTheListWithoutIt() throws Exception {
        String page = licencesPage("?status=BOGUS&inUseOn=2026-13-01", "en");

        assertThat(notices(page))
                .containsExactly(
                        "The status “BOGUS” was not understood, so the list is not filtered by status.",
                        "The day “2026-13-01” was not understood (write a date such as 2026-10-31), so the list is"
                                + " not filtered by the day licences are in use.");
        assertThat(page).contains("Alice lobby", "Bob lobby");
        assertThat(notices(licencesPage("?status=bogus&inUseOn=demain", "fr")))
                .containsExactly(
                        "Le statut « bogus » n’a pas été compris : la liste n’est pas filtrée par statut.",
                        "Le jour « demain » n’a pas été compris (écrivez une date telle que 2026-10-31) : la liste"
                                + " n’est pas filtrée par jour de service.");
        // What the page reads, as its own links and the dashboard's write it, says nothing.
        for (String understood : List.of(
                "",
                "?status=",
                "?inUseOn=",
                "?status=active",
                "?status=PAUSED&inUseOn=" + testLicences.today(),
                "?q=lobby&sort=ends&dir=asc")) {
            assertThat(notices(licencesPage(understood, "en"))).as(understood).isEmpty();
        }
        assertThat(licencesPage("?status=paused", "en")).doesNotContain("Alice lobby");
    }

    String licencesPage(String query, String language) throws Exception {
        return mvc.perform(get("/licences" + query)
                        .header("Accept-Language", language)
                        .with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The notices above the list, as the page shows them. */
    static List<String> notices(String page) {
        return Jsoup.parse(page).select("main .alert-warning[role=status]").eachText();
    }
}
