package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LicenceRow;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The console's forms refuse bad input beside the field, save nothing, and always escape what they show. */
@IntegrationTest
class ConsoleLicenceFormIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    UserDetailsService users;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            name     | ''                          | Enter a name.
            name     | '   '                       | Enter a name.
            name     | <script>alert(1)</script>   | Remove the HTML tags
            note     | hi <img src=x onerror=1>    | Remove the HTML tags
            quantity | 0                           | from 1 to 10,000
            quantity | -1                          | from 1 to 10,000
            quantity | 10001                       | from 1 to 10,000
            quantity | abc                         | Enter a whole number of screens
            quantity | 1.5                         | Enter a whole number of screens
            quantity | 99999999999999999999        | Enter a number of screens from 1 to 10,000.
            quantity | ''                          | Enter the number of screens.
            planId   | 999999                      | Choose one of your plans.
            planId   | abc                         | Choose one of your plans.
            clientId | 999999                      | Choose one of your clients.
            """)
    void refusesBadInputBesideTheFieldAndSavesNothing(String field, String value, String message) throws Exception {
        var fields = new LinkedHashMap<String, String>();
        fields.put("planId", "" + plan.id());
        fields.put("name", "Lobby");
        fields.put("quantity", "2");
        fields.put(field, value);
        var post = post("/licences")
                .with(user(users.loadUserByUsername(org.manager().email())))
                .with(csrf());
        fields.forEach(post::param);
        mvc.perform(post)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")));
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .rows())
                .isEmpty();
    }

    @Test
    void marksEveryBadFieldAtOnceEvenWhenTheScreensAreNotANumber() throws Exception {
        mvc.perform(post("/licences")
                        .param("planId", "" + plan.id())
                        .param("name", "")
                        .param("note", "n".repeat(2001))
                        .param("quantity", "1.5")
                        .with(user(users.loadUserByUsername(org.manager().email())))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name.")))
                .andExpect(content().string(containsString("Keep the note to 2,000 characters.")))
                .andExpect(content().string(containsString("Enter a whole number of screens from 1 to 10,000.")));
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .rows())
                .isEmpty();
    }

    @Test
    void marksAnotherOrganisationsPlanAndClientBesideTheEmptyNameAtOnce() throws Exception {
        TestOrganisation other = organisations.create();
        var post = post("/licences")
                .param("planId", "" + fixture.monthlyPlan(other).id())
                .param("name", "")
                .param("quantity", "2")
                .param("clientId", "" + other.alice().userId())
                .with(user(users.loadUserByUsername(org.manager().email())))
                .with(csrf());

        FieldErrors.expectExactly(
                mvc,
                post,
                Map.of(
                        "planId", "Choose one of your plans.",
                        "clientId", "Choose one of your clients.",
                        "name", "Enter a name."));
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .rows())
                .isEmpty();
    }

    @Test
    void refusesANameOfThreeHundredCharacters() throws Exception {
        mvc.perform(post("/licences")
                        .param("planId", "" + plan.id())
                        .param("name", "x".repeat(300))
                        .param("quantity", "2")
                        .with(user(users.loadUserByUsername(org.manager().email())))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep the name to 200 characters.")));
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .rows())
                .isEmpty();
    }

    @Test
    void savesAGoodLicenceAndSaysSo() throws Exception {
        mvc.perform(post("/licences")
                        .param("planId", "" + plan.id())
                        .param("name", "Lobby")
                        .param("note", "Portrait screens")
                        .param("quantity", "3")
                        .param("clientId", "" + org.alice().userId())
                        .with(user(users.loadUserByUsername(org.manager().email())))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/licences"))
                .andExpect(flash().attribute("toast", containsString("created")));
        LicenceRow saved = licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                .rows()
                .get(0);
        assertThat(saved.name()).isEqualTo("Lobby");
        assertThat(saved.quantity()).isEqualTo(3);
        assertThat(saved.clientId()).isEqualTo(org.alice().userId());
    }

    /**
     * A "<" with a space after it starts no tag (decision 0007: "a < b" is accepted); "Remove the HTML tags" refused a
     * name such as "Screens < 5 m from the door, a < b" that holds none.
     */
    @Test
    void savesANameAndNoteWithALessThanSignThatStartsNoTag() throws Exception {
        mvc.perform(post("/licences")
                        .param("planId", "" + plan.id())
                        .param("name", "Lobby: a < b & c > d")
                        .param("note", "Height < 2 m, width > 1 m")
                        .param("quantity", "1")
                        .with(user(users.loadUserByUsername(org.manager().email())))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/licences"));
        LicenceRow saved = licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                .rows()
                .get(0);
        assertThat(saved.name()).isEqualTo("Lobby: a < b & c > d");
        assertThat(licences.details(org.manager(), saved.id()).note()).isEqualTo("Height < 2 m, width > 1 m");
    }

    @Test
    void escapesWhatItShows() throws Exception {
        // Markup cannot come in through the forms; escaping is the second line of defence for data from elsewhere.
        var licence =
                licences.create(org.manager(), new NewLicence(plan.id(), "Tom & Jerry \"quoted\"", null, 1, null));
        var manager = user(users.loadUserByUsername(org.manager().email()));
        mvc.perform(get("/licences").param("q", "<b>bold</b>").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<b>bold</b>"))))
                .andExpect(content().string(containsString("&lt;b&gt;bold&lt;/b&gt;")));
        mvc.perform(get("/licences/{id}", licence.id()).with(manager))
                .andExpect(content().string(containsString("Tom &amp; Jerry &quot;quoted&quot;")));
    }

    /**
     * The licence search box given a coupon code written in groups, as the portal's placeholder shows one ("AB12
     * CD34"), found nothing (decision 0152).
     */
    @Test
    void theSearchBoxFindsALicenceByItsCodeWrittenInGroups() throws Exception {
        var lobby = licences.create(org.manager(), new NewLicence(plan.id(), "Lobby screens", null, 1, null));
        licences.create(org.manager(), new NewLicence(plan.id(), "Hall", null, 1, null));
        String code = lobby.couponCode().value();
        var manager = user(users.loadUserByUsername(org.manager().email()));
        for (String typed : List.of(
                code.substring(0, 4) + " " + code.substring(4),
                code.substring(0, 4).toLowerCase() + "-" + code.substring(4).toLowerCase())) {
            mvc.perform(get("/licences").param("q", typed).with(manager))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Lobby screens")))
                    .andExpect(content().string(not(containsString("Hall"))));
        }
    }
}
