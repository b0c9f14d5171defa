package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A licence may have 10,000 screens, and a history entry for each: its console page listed them all (11.5 MB of HTML,
 * 2 s, for 10,000) and so did the portal's (21.6 MB). They show a page at a time now, with a search by name, and the
 * history 20 entries at a time.
 */
@IntegrationTest
class ManyScreensPagesIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ScreenManagement screens;

    TestOrganisation org;
    long licence;
    List<Long> screenIds = new ArrayList<>();

    /** A licence of Alice's with 60 screens, "Screen 1" to "Screen 60", registered in that order. */
    @BeforeEach
    void sixtyScreens() {
        org = organisations.create();
        licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.yearlyPlan(org).id(),
                                "Chain",
                                null,
                                100,
                                org.alice().userId()))
                .id();
        for (int n = 1; n <= 60; n++) {
            screenIds.add(screens.register(org.alice(), licence, "Screen " + n)
                    .screen()
                    .id());
        }
    }

    Document page(String path, RequestPostProcessor who, String... params) throws Exception {
        var request = get(path).with(who);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request.header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static List<String> names(Document page) {
        return page.select("#screens tbody tr td:first-child").eachText();
    }

    static List<String> screens(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> "Screen " + n).toList();
    }

    @Test
    void theConsolesLicencePageShowsFiftyScreensAPageAndFindsOneByName() throws Exception {
        RequestPostProcessor manager = fixture.signedIn(org.manager().email());
        String path = "/licences/" + licence;

        Document first = page(path, manager);
        assertThat(first.select("#screens-heading").text()).isEqualTo("Screens (60 of 100)");
        assertThat(names(first)).isEqualTo(screens(1, 50));
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo(path + "?q=&page=2");
        assertThat(names(page(path, manager, "page", "2"))).isEqualTo(screens(51, 60));
        // a page past the end is the last one, as on every numbered list
        assertThat(names(page(path, manager, "page", "99"))).isEqualTo(screens(51, 60));

        Document found = page(path, manager, "q", "  SCREEN 5 ");
        assertThat(names(found))
                .containsExactly(
                        "Screen 5",
                        "Screen 50",
                        "Screen 51",
                        "Screen 52",
                        "Screen 53",
                        "Screen 54",
                        "Screen 55",
                        "Screen 56",
                        "Screen 57",
                        "Screen 58",
                        "Screen 59");
        assertThat(found.select("#screen-search-result").text())
                .isEqualTo("11 screens whose name contains “SCREEN 5” · Show all screens");
        assertThat(found.select("#screen-search").val()).isEqualTo("SCREEN 5");
        assertThat(found.select("#screens-heading").text()).isEqualTo("Screens (60 of 100)");

        // what is typed is looked for as typed: % and _ are not wildcards
        Document none = page(path, manager, "q", "%");
        assertThat(names(none)).isEmpty();
        assertThat(none.select("#screen-search-result").text())
                .isEqualTo("No screen whose name contains “%” · Show all screens");
    }

    @Test
    void theLicencesHistoryShowsTwentyEntriesAPageNewestFirst() throws Exception {
        RequestPostProcessor manager = fixture.signedIn(org.manager().email());
        String path = "/licences/" + licence;

        Document newest = page(path, manager);
        List<String> entries = newest.select(".history-entry").eachText();
        assertThat(entries).hasSize(20);
        assertThat(entries.get(0)).contains("Screen 60");
        assertThat(entries.get(19)).contains("Screen 41");
        assertThat(newest.select("a:contains(Newer)")).isEmpty();

        Document older = older(path, manager, newest);
        assertThat(older.select(".history-entry").eachText().get(0)).contains("Screen 40");
        assertThat(older.select("a:contains(Newer)")).isNotEmpty();

        Document oldest = older(path, manager, older(path, manager, older));
        // 60 registrations and the licence's creation: 20, 20, 20, then the creation
        assertThat(oldest.select(".history-entry").eachText())
                .singleElement()
                .asString()
                .startsWith("Created");
        assertThat(oldest.select("a:contains(Older)")).isEmpty();
    }

    /** The page the "Older" link of this one leads to. */
    Document older(String path, RequestPostProcessor who, Document page) throws Exception {
        String href = page.select("a:contains(Older)").attr("href");
        return page(path, who, "after", href.replaceAll(".*after=(\\d+).*", "$1"));
    }

    @Test
    void theClientsPageNamesTenScreensOfEachLicenceAndCountsTheOthers() throws Exception {
        Document page = page(
                "/clients/" + org.alice().userId(),
                fixture.signedIn(org.manager().email()));

        assertThat(page.text()).contains("60 of 100 registered");
        assertThat(page.select("td li").eachText())
                .startsWith("Screen 1", "Screen 2")
                .contains("Screen 10");
        assertThat(page.select("td li").eachText()).doesNotContain("Screen 11");
        assertThat(page.select("td li a").text()).isEqualTo("and 50 more");
    }

    @Test
    void thePortalShowsTwentyFiveScreensAPageAndFindsOneByName() throws Exception {
        RequestPostProcessor alice = fixture.signedIn(org.alice().email());
        String path = "/portal/licences/" + licence;

        Document first = page(path, alice);
        assertThat(names(first)).isEqualTo(screens(1, 25));
        assertThat(first.text()).contains("60 of 100 registered");
        assertThat(names(page(path, alice, "page", "3"))).isEqualTo(screens(51, 60));
        assertThat(names(page(path, alice, "q", "screen 3")))
                .isEqualTo(List.of(
                        "Screen 3",
                        "Screen 30",
                        "Screen 31",
                        "Screen 32",
                        "Screen 33",
                        "Screen 34",
                        "Screen 35",
                        "Screen 36",
                        "Screen 37",
                        "Screen 38",
                        "Screen 39"));
    }

    /**
     * Renaming or removing a screen found on page 2 of a search came back to page 1 of all screens; a refused rename
     * opened its form on a page that did not show that screen.
     */
    @Test
    void aScreenChangedOnAPageOfASearchComesBackToThatPage() throws Exception {
        RequestPostProcessor alice = fixture.signedIn(org.alice().email());
        long screen38 = screenIds.get(37);
        String back = "/portal/licences/" + licence + "?q=screen&page=2";

        String refused = mvc.perform(post("/portal/licences/{id}/screens/{screen}/rename", licence, screen38)
                        .param("name", "Screen 39")
                        .param("q", "screen")
                        .param("page", "2")
                        .header("Accept-Language", "en")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(refused);
        // the page the client was on (screens 26 to 50), with the form of screen 38 open
        assertThat(names(page)).isEqualTo(screens(26, 50));
        assertThat(page.select("details[open] input[name=name]").val()).isEqualTo("Screen 39");
        assertThat(page.select("details[open] input[name=q]").val()).isEqualTo("screen");
        assertThat(page.select("details[open] input[name=page]").val()).isEqualTo("2");
        assertThat(page.select("section[data-replace-url]").attr("data-replace-url"))
                .isEqualTo(back);

        mvc.perform(post("/portal/licences/{id}/screens/{screen}/rename", licence, screen38)
                        .param("name", "Hall")
                        .param("q", "screen")
                        .param("page", "2")
                        .with(alice)
                        .with(csrf()))
                .andExpect(redirectedUrl(back));

        mvc.perform(post("/portal/licences/{id}/screens/{screen}/remove", licence, screen38)
                        .param("q", "hall")
                        .with(alice)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/licences/" + licence + "?q=hall"));
        assertThat(screens.screens(org.alice(), licence))
                .extracting(Screen::name)
                .doesNotContain("Hall");
    }

    @Test
    void anotherClientAnotherOrganisationAndNobodyAreRefusedThePagesOfScreens() throws Exception {
        TestOrganisation other = organisations.create();
        page("/licences/" + licence, fixture.signedIn(org.manager().email()), "q", "screen", "page", "2");

        mvc.perform(get("/licences/{id}", licence)
                        .param("q", "screen")
                        .param("page", "2")
                        .with(fixture.signedIn(other.manager().email())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/licences/{id}", licence)
                        .param("q", "screen")
                        .param("page", "2")
                        .with(fixture.signedIn(org.bob().email())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/licences/{id}", licence).param("q", "screen").param("page", "2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }
}
