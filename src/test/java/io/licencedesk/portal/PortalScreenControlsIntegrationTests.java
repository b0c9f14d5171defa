package io.licencedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each screen's Rename and Remove say which screen they act on: a screen reader's list of controls otherwise reads
 * "Rename, Remove, Rename, Remove…" with nothing to tell the rows apart (the API tokens' Revoke names its token).
 */
@IntegrationTest
class PortalScreenControlsIntegrationTests {

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

    Document page(String lang) throws Exception {
        TestOrganisation org = organisations.create();
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.yearlyPlan(org).id(),
                                "Lobby",
                                null,
                                2,
                                org.alice().userId()))
                .id();
        screens.register(org.alice(), licence, "Entrance");
        screens.register(org.alice(), licence, "Window");
        String html = mvc.perform(get("/portal/licences/{id}", licence)
                        .param("lang", lang)
                        .with(fixture.signedIn(org.alice().email())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void namesTheScreenEachControlActsOn() throws Exception {
        Document page = page("en");

        assertThat(page.select("summary").eachAttr("aria-label"))
                .containsExactly("Rename screen “Entrance”", "Rename screen “Window”");
        assertThat(page.select("button:contains(Remove)").eachAttr("aria-label"))
                .containsExactly("Remove screen “Entrance”", "Remove screen “Window”");
        assertThat(page.select("label.visually-hidden[for^=rename-]").eachText())
                .containsExactly("New name for “Entrance”", "New name for “Window”");
    }

    @Test
    void leavesAnEmptyNewNameToThePageWhichRefusesItInThePagesLanguage() throws Exception {
        // With "required" and no "novalidate", the browser refused an empty name itself, in its own language
        // (an English bubble on a French page) instead of the page's message beside the field.
        assertThat(page("fr").select("form[action$=/rename]"))
                .isNotEmpty()
                .allSatisfy(form -> assertThat(form.hasAttr("novalidate")).isTrue());
    }

    @Test
    void namesItInFrenchOnAFrenchPage() throws Exception {
        Document page = page("fr");

        assertThat(page.select("summary").eachAttr("aria-label"))
                .containsExactly("Renommer l’écran «\u00a0Entrance\u00a0»", "Renommer l’écran «\u00a0Window\u00a0»");
        assertThat(page.select("button:contains(Retirer)").eachAttr("aria-label"))
                .containsExactly("Retirer l’écran «\u00a0Entrance\u00a0»", "Retirer l’écran «\u00a0Window\u00a0»");
    }

    /**
     * A second click on Remove, or a screen removed in another window, met a page saying "There is nothing here" (404),
     * away from the licence. The licence's page now says the screen is not on it any more, and nothing changes.
     */
    @Test
    void aScreenAlreadyRemovedIsSaidOnTheLicencesPageRatherThanNotFound() throws Exception {
        TestOrganisation org = organisations.create();
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.yearlyPlan(org).id(),
                                "Lobby",
                                null,
                                2,
                                org.alice().userId()))
                .id();
        long removed =
                screens.register(org.alice(), licence, "Entrance").screen().id();
        screens.register(org.alice(), licence, "Window");
        screens.remove(org.alice(), licence, removed);

        for (String language : new String[] {"en", "fr"}) {
            String said = language.equals("fr")
                    ? "Cet écran n’est plus sur cette licence\u00a0: il a peut-être été retiré depuis une autre fenêtre."
                            + " Rien n’a été modifié."
                    : "That screen is not on this licence any more: it may have been removed in another window."
                            + " Nothing was changed.";
            mvc.perform(post("/portal/licences/{id}/screens/{screen}/remove", licence, removed)
                            .header("Accept-Language", language)
                            .with(fixture.signedIn(org.alice().email()))
                            .with(csrf()))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/portal/licences/" + licence))
                    .andExpect(flash().attribute("toast", said));
            mvc.perform(post("/portal/licences/{id}/screens/{screen}/rename", licence, removed)
                            .param("name", "Hall")
                            .header("Accept-Language", language)
                            .with(fixture.signedIn(org.alice().email()))
                            .with(csrf()))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/portal/licences/" + licence))
                    .andExpect(flash().attribute("toast", said));
        }
        assertThat(screens.screens(org.alice(), licence))
                .extracting(io.licencedesk.devices.Screen::name)
                .containsExactly("Window");
        mvc.perform(post("/portal/licences/{id}/screens/{screen}/remove", licence, removed)
                        .with(fixture.signedIn(org.bob().email()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
