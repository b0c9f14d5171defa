package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The console's "Edit licence" page: it saves what the rules allow and refuses the rest beside the field. */
@IntegrationTest
class ConsoleLicenceEditIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    AuditTrail audit;

    TestOrganisation org;
    Plan monthly;
    Plan yearly;
    LicenceDetails licence;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
        licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby", null, 3, org.alice().userId()));
    }

    MockHttpServletRequestBuilder edit(String... fieldsAndValues) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("planId", "" + monthly.id());
        fields.put("name", "Lobby");
        fields.put("quantity", "3");
        fields.put("clientId", "" + org.alice().userId());
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        var post = post("/licences/{id}/edit", licence.id())
                .with(fixture.signedIn(org.manager()))
                .with(csrf());
        fields.forEach(post::param);
        return post;
    }

    @Test
    void showsTheLicenceAsItIsWithTheRules() throws Exception {
        mvc.perform(get("/licences/{id}/edit", licence.id()).with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Lobby\"")))
                .andExpect(content().string(containsString("Unassigning it gives it a new coupon code")))
                .andExpect(content().string(containsString(org.alice().email())));
        mvc.perform(get("/licences/{id}", licence.id()).with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("/licences/" + licence.id() + "/edit")));
    }

    @Test
    void savesAndShowsTheChangeInTheHistory() throws Exception {
        mvc.perform(edit("name", "Hall", "note", "By the door", "quantity", "5", "planId", "" + yearly.id()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/licences/" + licence.id()))
                .andExpect(flash().attribute("toast", containsString("saved")));

        LicenceDetails saved = licences.details(org.manager(), licence.id());
        assertThat(saved.name()).isEqualTo("Hall");
        assertThat(saved.note()).isEqualTo("By the door");
        assertThat(saved.quantity()).isEqualTo(5);
        assertThat(saved.plan().id()).isEqualTo(yearly.id());
        mvc.perform(get("/licences/{id}", licence.id()).with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("Edited")))
                .andExpect(content().string(containsString("<del>Lobby</del>")))
                .andExpect(content().string(containsString("<ins>Hall</ins>")))
                // the plan's term in words, as the page writes it elsewhere: it read "P1M → P1Y"
                .andExpect(content().string(containsString("<del>1 month</del>")))
                .andExpect(content().string(containsString("<ins>1 year</ins>")));
        mvc.perform(get("/licences/{id}", licence.id())
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("<del>1 mois</del>")))
                .andExpect(content().string(containsString("<ins>1 an</ins>")));
    }

    /**
     * Saving the form as it was loaded said "Licence … saved." though nothing was: the page now says that there was
     * nothing to save, in the person's language, and the licence's history gains no entry.
     */
    @Test
    void savingTheFormAsItWasLoadedSaysThereWasNothingToSaveAndRecordsNothing() throws Exception {
        int entries = audit.licenceHistory(org.manager(), licence.id()).size();
        for (String language : List.of("en", "fr")) {
            Document page = Jsoup.parse(
                    mvc.perform(get("/licences/{id}/edit", licence.id()).with(fixture.signedIn(org.manager())))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            var post = post("/licences/{id}/edit", licence.id())
                    .header("Accept-Language", language)
                    .with(fixture.signedIn(org.manager()))
                    .with(csrf());
            // Every field the page sends, as it was loaded; the form token is the test's own.
            page.expectForm("form[action$=/edit]").formData().stream()
                    .filter(field -> !field.key().equals("_csrf"))
                    .forEach(field -> post.param(field.key(), field.value()));

            mvc.perform(post)
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/licences/" + licence.id()))
                    .andExpect(flash().attribute(
                                    "toast",
                                    language.equals("en")
                                            ? "No changes to save: licence " + licence.couponCode() + " is as it was."
                                            : "Aucune modification à enregistrer\u00a0: la licence "
                                                    + licence.couponCode() + " est inchangée."));
        }
        assertThat(audit.licenceHistory(org.manager(), licence.id())).hasSize(entries);
        assertThat(licences.details(org.manager(), licence.id()).name()).isEqualTo("Lobby");

        mvc.perform(edit("name", "Hall"))
                .andExpect(flash().attribute("toast", "Licence " + licence.couponCode() + " saved."));
        assertThat(audit.licenceHistory(org.manager(), licence.id())).hasSize(entries + 1);
    }

    /**
     * The form posts every field: a page opened before another manager's edit undid it on saving, moving the licence
     * back to its former client (or making it Available under a new code) when only its name was changed here.
     */
    @Test
    void aPageOpenedBeforeAnotherEditKeepsThatEditOfTheFieldsLeftAsTheyWere() throws Exception {
        String page = mvc.perform(get("/licences/{id}/edit", licence.id()).with(fixture.signedIn(org.manager())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("name=\"loadedClientId\" value=\"" + org.alice().userId() + "\"")
                .contains("name=\"loadedQuantity\" value=\"3\"");
        licences.edit(
                org.owner(),
                licence.id(),
                other -> other.withClientId(org.bob().userId()).withQuantity(5));

        mvc.perform(edit(
                        "name", "Hall",
                        "loadedName", "Lobby",
                        "loadedNote", "",
                        "loadedQuantity", "3",
                        "loadedPlanId", "" + monthly.id(),
                        "loadedClientId", "" + org.alice().userId()))
                .andExpect(status().isFound());

        LicenceDetails saved = licences.details(org.manager(), licence.id());
        assertThat(saved.name()).isEqualTo("Hall");
        assertThat(saved.client().id()).isEqualTo(org.bob().userId());
        assertThat(saved.quantity()).isEqualTo(5);
        assertThat(saved.couponCode()).isEqualTo(licence.couponCode());
    }

    /**
     * Two managers changing the same field: the second one's save replaced the first one's edit, and both were told
     * "saved". Now the second is shown the other edit beside the field, nothing is saved, and saving again replaces it.
     */
    @Test
    void theSecondOfTwoManagersChangingTheSameFieldIsShownTheFirstEditAndNothingIsSaved() throws Exception {
        licences.edit(
                org.owner(),
                licence.id(),
                other -> other.withName("Lobby north").withQuantity(5));

        String page = mvc.perform(edit(
                        "name", "Lobby south",
                        "loadedName", "Lobby",
                        "loadedNote", "",
                        "loadedQuantity", "3",
                        "loadedPlanId", "" + monthly.id(),
                        "loadedClientId", "" + org.alice().userId()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(licences.details(org.manager(), licence.id()).name()).isEqualTo("Lobby north");
        Document form = Jsoup.parse(page);
        assertThat(form.select(".alert-danger").text())
                .as("nothing typed was wrong: not 'Please correct the fields'")
                .isEqualTo("Someone else changed this licence since you opened the page. Nothing was saved: see what it"
                        + " is now beside the fields marked below, then save again.");
        assertThat(form.select("#name-error").text())
                .isEqualTo("Someone else changed this since you opened the page: it is now “Lobby north”. Nothing was"
                        + " saved. Save again to replace it with yours.");
        assertThat(form.select("#name").val()).isEqualTo("Lobby south");
        assertThat(form.select("#quantity").val()).isEqualTo("5");
        assertThat(form.select("input[name=loadedName]").val()).isEqualTo("Lobby north");
        assertThat(form.select("input[name=loadedQuantity]").val()).isEqualTo("5");

        var again = post("/licences/{id}/edit", licence.id())
                .with(fixture.signedIn(org.manager()))
                .with(csrf());
        for (var field : form.select("form[action$=/edit] [name]")) {
            if (!field.attr("name").equals("_csrf")) {
                again.param(
                        field.attr("name"),
                        field.is("textarea")
                                ? field.text()
                                : field.is("select")
                                        ? field.select("option[selected]").val()
                                        : field.val());
            }
        }
        mvc.perform(again).andExpect(status().isFound());
        LicenceDetails saved = licences.details(org.manager(), licence.id());
        assertThat(saved.name()).isEqualTo("Lobby south");
        assertThat(saved.quantity()).isEqualTo(5);
    }

    @Test
    void unassigningTellsTheNewCouponCode() throws Exception {
        mvc.perform(edit("clientId", ""))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("toast", containsString("new coupon code")));

        LicenceDetails available = licences.details(org.manager(), licence.id());
        assertThat(available.status()).isEqualTo(LifecycleStatus.AVAILABLE);
        assertThat(available.couponCode()).isNotEqualTo(licence.couponCode());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            name     | ''                        | Enter a name.
            name     | <script>alert(1)</script> | Remove the HTML tags
            quantity | abc                       | Enter a whole number of screens
            quantity | 0                         | from 1 to 10,000
            quantity | 2                         | 3 screens registered
            planId   | 999999                    | Choose one of your plans.
            planId   | abc                       | Choose one of your plans.
            clientId | 999999                    | Choose one of your clients.
            """)
    void refusesWhatTheRulesRefuseBesideTheFieldAndChangesNothing(String field, String value, String message)
            throws Exception {
        clientLicences.activate(org.alice(), licence.id());
        for (String screen : new String[] {"Left", "Middle", "Right"}) {
            screens.register(org.alice(), licence.id(), screen);
        }
        LicenceDetails before = licences.details(org.manager(), licence.id());

        mvc.perform(edit(field, value))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")));

        assertThat(licences.details(org.manager(), licence.id())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}={1} with an empty name")
    @CsvSource(delimiter = '|', textBlock = """
            planId   | another organisation's | Choose one of your plans.
            planId   | abc                    | Choose one of your plans.
            clientId | another organisation's | Choose one of your clients.
            clientId | abc                    | Choose one of your clients.
            quantity | 2                      | This licence has 3 screens registered: it cannot cover fewer. Its client can remove screens in the portal.
            """)
    void marksEveryBadFieldAtOnceWithATamperedChoiceAndChangesNothing(String field, String value, String message)
            throws Exception {
        clientLicences.activate(org.alice(), licence.id());
        for (String screen : new String[] {"Left", "Middle", "Right"}) {
            screens.register(org.alice(), licence.id(), screen);
        }
        TestOrganisation other = fixture.organisation();
        String tampered = !value.equals("another organisation's")
                ? value
                : field.equals("planId")
                        ? "" + fixture.monthlyPlan(other).id()
                        : "" + other.alice().userId();
        LicenceDetails before = licences.details(org.manager(), licence.id());

        FieldErrors.expectExactly(
                mvc, edit(field, tampered, "name", ""), Map.of(field, message, "name", "Enter a name."));

        assertThat(licences.details(org.manager(), licence.id())).isEqualTo(before);
    }

    /** A client that is not a number left the rules unasked: the quantity below the screens went unmarked. */
    @Test
    void marksAQuantityBelowTheScreensBesideAClientThatIsNotANumber() throws Exception {
        for (String screen : new String[] {"Left", "Middle", "Right"}) {
            screens.register(org.alice(), licence.id(), screen);
        }
        LicenceDetails before = licences.details(org.manager(), licence.id());

        FieldErrors.expectExactly(
                mvc,
                edit("clientId", "abc", "quantity", "2", "planId", "999999"),
                Map.of(
                        "clientId", "Choose one of your clients.",
                        "quantity", "This licence has 3 screens registered",
                        "planId", "Choose one of your plans."));

        assertThat(licences.details(org.manager(), licence.id())).isEqualTo(before);
    }

    @Test
    void marksAForgedPlanAndAForgedClientTogetherOnAnUnusedLicence() throws Exception {
        TestOrganisation other = fixture.organisation();

        FieldErrors.expectExactly(
                mvc,
                edit(
                        "planId",
                        "" + fixture.monthlyPlan(other).id(),
                        "clientId",
                        "" + other.alice().userId()),
                Map.of("planId", "Choose one of your plans.", "clientId", "Choose one of your clients."));

        assertThat(licences.details(org.manager(), licence.id())).isEqualTo(licence);
    }

    @Test
    void aUsedLicenceRefusesAForgedPlanBesideTheEmptyName() throws Exception {
        clientLicences.activate(org.alice(), licence.id());
        LicenceDetails before = licences.details(org.manager(), licence.id());

        String page = mvc.perform(edit("planId", "" + yearly.id(), "name", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"planId-error\"", "id=\"name-error\"", "Enter a name.");
        assertThat(licences.details(org.manager(), licence.id())).isEqualTo(before);
    }

    /**
     * An unused licence whose client registered screens keeps its client (decision 0045): the form offered the
     * client drop-down with "Unassigning it gives it a new coupon code", and refused the change only on saving.
     */
    @Test
    void anUnusedLicenceWithScreensShowsItsClientAsFixedAndSaysWhyWhileItsPlanMayChange() throws Exception {
        screens.register(org.alice(), licence.id(), "Left");
        screens.register(org.alice(), licence.id(), "Right");
        assertThat(licences.details(org.manager(), licence.id()).status()).isEqualTo(LifecycleStatus.ASSIGNED);

        mvc.perform(get("/licences/{id}/edit", licence.id()).with(fixture.signedIn(org.manager())))
                .andExpect(content().string(not(containsString("class=\"client-select"))))
                .andExpect(content().string(not(containsString("Unassigning it gives it a new coupon code"))))
                .andExpect(content()
                        .string(matchesRegex("(?s).*id=\"clientId\" readonly[^>]*value=\"[^\"]*"
                                + Pattern.quote(org.alice().email())
                                + "[^>]*aria-describedby=\"client-locked-help\".*")))
                .andExpect(content().string(containsString("Its client has registered 2 screens on this licence")))
                .andExpect(content().string(containsString("<select class=\"form-select\" id=\"planId\"")));
        mvc.perform(edit("planId", "" + yearly.id())).andExpect(status().isFound());
        assertThat(licences.details(org.manager(), licence.id()).plan().id()).isEqualTo(yearly.id());
    }

    @Test
    void aUsedLicenceShowsItsPlanAndClientAsFixedAndRefusesAForgedChange() throws Exception {
        clientLicences.activate(org.alice(), licence.id());

        mvc.perform(get("/licences/{id}/edit", licence.id()).with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("A client has used this licence")))
                .andExpect(content().string(not(containsString("class=\"client-select"))))
                // Read-only, not disabled: a disabled field cannot be scrolled, and a phone cut the e-mail short
                .andExpect(content()
                        .string(matchesRegex("(?s).*id=\"clientId\" readonly[^>]*value=\"[^\"]*"
                                + Pattern.quote(org.alice().email()) + ".*")))
                .andExpect(content().string(not(matchesRegex("(?s).*id=\"(planId|clientId)\" disabled.*"))));
        // A hand-made post that changes them anyway is refused beside the field
        mvc.perform(edit("clientId", "" + org.bob().userId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("stays with that client")));
        assertThat(licences.details(org.manager(), licence.id()).client().id())
                .isEqualTo(org.alice().userId());
    }
}
