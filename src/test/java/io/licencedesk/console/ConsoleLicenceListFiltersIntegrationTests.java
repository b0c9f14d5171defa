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

    @Test
    void saysWhenTheSortItsDirectionOrThePageSizeIsNotOneOfTheListsAndLeavesThemOutOfItsLinks() throws Exception {
        String page = licencesPage("?sort=colour&dir=up&size=7", "en");

        assertThat(notices(page))
                .containsExactly(
                        "The sort column “colour” was not understood, so the list is sorted by date created.",
                        "The sort direction “up” was not understood (write asc or desc), so the list is sorted in"
                                + " descending order.",
                        "The page size “7” is not one the list offers (10, 25, 50 or 100), so it shows 25 licences a"
                                + " page.");
        assertThat(page).contains("Alice lobby", "Bob lobby");
        // The links of the page (toggles, paging, export) do not carry what was not understood on.
        assertThat(links(page))
                .isNotEmpty()
                .noneMatch(link -> link.contains("sort=colour") || link.contains("dir=up") || link.contains("size=7"));
        assertThat(Jsoup.parse(page).select("input[name=sort], input[name=dir]"))
                .isEmpty();
        assertThat(notices(licencesPage("?sort=colour&dir=up&size=7", "fr")))
                .containsExactly(
                        "La colonne de tri « colour » n’a pas été comprise : la liste est triée par date de création.",
                        "Le sens de tri « up » n’a pas été compris (écrivez asc ou desc) : la liste est triée par ordre"
                                + " décroissant.",
                        "La taille de page « 7 » n’est pas proposée (10, 25, 50 ou 100) : la liste montre 25 licences"
                                + " par page.");
        for (String understood :
                List.of("?sort=&dir=", "?sort=NAME&dir=DESC&size=50", "?sort=code&dir=asc&size=10", "?size=100")) {
            assertThat(notices(licencesPage(understood, "en"))).as(understood).isEmpty();
        }
    }

    @Test
    void aClientOfAnotherOrganisationIsNamedAsUnknownExactlyAsAClientThatDoesNotExist() throws Exception {
        TestOrganisation other = fixture.organisation();
        testLicences.activated(
                other.owner(), fixture.monthlyPlan(other), other.alice().userId(), "Other lobby", testLicences.today());

        String theirs = licencesPage("?client=" + other.alice().userId(), "en");
        String nobodys = licencesPage("?client=999999999", "en");

        assertThat(notices(theirs))
                .containsExactly(
                        "The client asked for is not one of your clients, so the list shows every client’s licences.")
                .isEqualTo(notices(nobodys));
        assertThat(theirs)
                .contains("Alice lobby", "Bob lobby")
                .doesNotContain("Other lobby", other.alice().email());
        assertThat(nobodys).contains("Alice lobby", "Bob lobby");
        // The page's links no longer carry the id, so the next click does not say it again.
        assertThat(links(theirs)).isNotEmpty().noneMatch(link -> link.contains("client="));
        assertThat(Jsoup.parse(theirs).select("input[name=client]")).isEmpty();
        assertThat(notices(licencesPage("?client=" + other.alice().userId(), "fr")))
                .containsExactly(
                        "Le client demandé n’est pas l’un de vos clients : la liste montre les licences de tous les"
                                + " clients.");
        // One's own client filters, and says nothing.
        String alices = licencesPage("?client=" + org.alice().userId(), "en");
        assertThat(notices(alices)).isEmpty();
        assertThat(alices).contains("Alice lobby").doesNotContain("Bob lobby");
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

    /** Where the page's links and forms lead. */
    static List<String> links(String page) {
        return Jsoup.parse(page).select("a[href], form[action]").stream()
                .map(element -> element.hasAttr("href") ? element.attr("href") : element.attr("action"))
                .toList();
    }

    /** The notices above the list, as the page shows them. */
    static List<String> notices(String page) {
        return Jsoup.parse(page).select("main .alert-warning[role=status]").eachText();
    }
}
