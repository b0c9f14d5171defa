package io.licencedesk.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Pausing and resuming the selected licences at once, from a page whose selection is no longer there. */
@IntegrationTest
class ConsoleBulkActionIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pause|en|No licences are selected: select them in the list first.",
                "resume|en|No licences are selected: select them in the list first.",
                "pause|fr|Aucune licence n’est sélectionnée\u00a0: sélectionnez-les d’abord dans la liste.",
                "resume|fr|Aucune licence n’est sélectionnée\u00a0: sélectionnez-les d’abord dans la liste."
            })
    void anActionWithNothingSelectedSaysSoInsteadOfDoingNothing(String action, String language, String message)
            throws Exception {
        TestOrganisation org = organisations.create();

        mvc.perform(post("/licences/selection/" + action)
                        .header("Accept-Language", language)
                        .header("Referer", "http://localhost/licences?q=lobby")
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/licences?q=lobby"))
                .andExpect(flash().attribute("toast", message))
                .andExpect(flash().attribute("toastKind", "danger"));
    }
}
