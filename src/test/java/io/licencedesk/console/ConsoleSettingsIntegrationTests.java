package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The organisation's settings page (owners only): what it saves, what it refuses, and the currency rule. */
@IntegrationTest
class ConsoleSettingsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    AccountManagement accounts;

    TestOrganisation org;
    TestOrganisation other;
    List<Long> assigned;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
        Plan plan = fixture.monthlyPlan(org);
        assigned = List.of(licences.create(
                        org.manager(),
                        new NewLicence(
                                plan.id(), "Screen 0", null, 1, org.alice().userId()))
                .id());
    }

    @Test
    void marksEveryBadSettingAtOnceEvenWhenANumberIsNotANumber() throws Exception {
        var before = accounts.organisation(org.owner());
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", "x".repeat(300));
        fields.put("currency", "EUR");
        fields.put("vatRate", "-5");
        fields.put("invoicePrefix", "INV");
        fields.put("paymentTermsDays", "abc");
        fields.put("senderEmail", "not an address");
        fields.put("expiringSoonDays", "99999999999");
        FieldErrors.expectExactly(
                mvc,
                postSettings(fields),
                Map.of(
                        "name", "Keep the name to 200 characters.",
                        "vatRate", "The VAT rate cannot be negative.",
                        "paymentTermsDays", "Enter a whole number of days.",
                        "senderEmail", "Enter a valid e-mail address.",
                        "expiringSoonDays", "Enter 1 to 365 days."));

        fields.put("name", "");
        fields.put("vatRate", "twenty");
        fields.put("paymentTermsDays", "-1");
        fields.put("expiringSoonDays", "1.5");
        fields.put("senderEmail", "");
        FieldErrors.expectExactly(
                mvc,
                postSettings(fields),
                Map.of(
                        "name", "Enter the organisation's name.",
                        "vatRate", "Enter a percentage such as 20 or 7.5.",
                        "paymentTermsDays", "Enter 0 to 365 days.",
                        "expiringSoonDays", "Enter a whole number of days."));

        fields.put("name", "Org");
        fields.put("vatRate", "7.555");
        fields.put("paymentTermsDays", "");
        fields.put("expiringSoonDays", "");
        FieldErrors.expectExactly(
                mvc,
                postSettings(fields),
                Map.of(
                        "vatRate", "Enter the VAT rate with at most 2 decimals.",
                        "paymentTermsDays", "Enter the payment terms in days.",
                        "expiringSoonDays", "Enter the expiring-soon window in days."));
        assertThat(accounts.organisation(org.owner())).isEqualTo(before);
    }

    @Test
    void showsTheSavedNumbersInTheSettingsForm() throws Exception {
        mvc.perform(postSettings(Map.of(
                        "name", "Org",
                        "currency", "EUR",
                        "vatRate", " 7.5 ",
                        "invoicePrefix", "INV",
                        "paymentTermsDays", "+14",
                        "senderEmail", "",
                        "expiringSoonDays", "045")))
                .andExpect(redirectedUrl("/settings"));
        var saved = accounts.organisation(org.owner());
        assertThat(saved.vatRate()).isEqualByComparingTo("7.5");
        assertThat(saved.paymentTermsDays()).isEqualTo(14);
        assertThat(saved.expiringSoonDays()).isEqualTo(45);
        assertThat(saved.senderEmail()).isNull();
        mvc.perform(get("/settings").with(fixture.signedIn(org.owner().email())))
                .andExpect(content().string(containsString("value=\"7.50\"")))
                .andExpect(content().string(containsString("value=\"14\"")))
                .andExpect(content().string(containsString("value=\"45\"")));
    }

    MockHttpServletRequestBuilder postSettings(Map<String, String> fields) {
        var post = post("/settings").with(fixture.signedIn(org.owner().email())).with(csrf());
        fields.forEach(post::param);
        return post;
    }

    @Test
    void refusesToChangeTheCurrencyOnceLicencesExistBesideTheField() throws Exception {
        var before = accounts.organisation(org.owner());
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", "Renamed");
        fields.put("currency", "usd");
        fields.put("vatRate", "20");
        fields.put("invoicePrefix", "NEW");
        fields.put("paymentTermsDays", "14");
        fields.put("expiringSoonDays", "30");
        FieldErrors.expectExactly(
                mvc,
                postSettings(fields),
                Map.of(
                        "currency",
                        "The currency cannot change once licences or invoices exist: their prices are in EUR."));
        assertThat(accounts.organisation(org.owner())).isEqualTo(before);
        mvc.perform(get("/settings").with(fixture.signedIn(org.owner().email())))
                .andExpect(content().string(containsString("Fixed now that licences or invoices are priced in it.")));

        // With other bad fields, the currency's refusal shows beside them, in the same answer.
        fields.put("name", "");
        FieldErrors.expectExactly(
                mvc,
                postSettings(fields),
                Map.of(
                        "name",
                        "Enter the organisation's name.",
                        "currency",
                        "The currency cannot change once licences or invoices exist: their prices are in EUR."));
        fields.put("name", "Renamed");

        fields.put("currency", " eur ");
        mvc.perform(postSettings(fields)).andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(org.owner()).invoicePrefix()).isEqualTo("NEW");
        assertThat(accounts.organisation(org.owner()).currency().getCurrencyCode())
                .isEqualTo("EUR");
    }

    @Test
    void changesTheCurrencyOfAnOrganisationWithoutLicences() throws Exception {
        var owner = fixture.signedIn(other.owner().email());
        mvc.perform(get("/settings").with(owner)).andExpect(content().string(not(containsString("Fixed now that"))));
        mvc.perform(post("/settings")
                        .with(owner)
                        .with(csrf())
                        .param("name", "Other")
                        .param("currency", "gbp")
                        .param("vatRate", "20")
                        .param("invoicePrefix", "INV")
                        .param("paymentTermsDays", "14")
                        .param("expiringSoonDays", "30"))
                .andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(other.owner()).currency().getCurrencyCode())
                .isEqualTo("GBP");
    }

    @Test
    void savesSettingsAndRefusesBadOnes() throws Exception {
        var owner = fixture.signedIn(org.owner().email());
        mvc.perform(post("/settings")
                        .with(owner)
                        .with(csrf())
                        .param("name", "Org")
                        .param("currency", "XXQ")
                        .param("vatRate", "120")
                        .param("invoicePrefix", "IN-V")
                        .param("paymentTermsDays", "400")
                        .param("expiringSoonDays", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not an ISO 4217 currency")))
                .andExpect(content().string(containsString("percentage up to 100")))
                .andExpect(content().string(containsString("letters and digits")))
                .andExpect(content().string(containsString("Enter 0 to 365 days.")))
                .andExpect(content().string(containsString("Enter 1 to 365 days.")));
        mvc.perform(post("/settings")
                        .with(owner)
                        .with(csrf())
                        .param("name", "Org")
                        .param("currency", "EUR")
                        .param("vatRate", "twenty")
                        .param("invoicePrefix", "INV")
                        .param("paymentTermsDays", "abc")
                        .param("expiringSoonDays", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a percentage such as 20")))
                .andExpect(content().string(containsString("Enter a whole number of days.")));
        assertThat(accounts.organisation(org.owner()).invoicePrefix()).isEqualTo("INV");
        mvc.perform(post("/settings")
                        .with(owner)
                        .with(csrf())
                        .param("name", "Org")
                        .param("legalName", "Org Ltd")
                        .param("currency", "eur")
                        .param("vatRate", "20")
                        .param("invoicePrefix", "acme")
                        .param("paymentTermsDays", "14")
                        .param("senderEmail", "")
                        .param("expiringSoonDays", "45"))
                .andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(org.owner()).senderEmail()).isNull();
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        assertThat(invoice.number()).startsWith("ACME-");
        assertThat(invoice.totals().total().formatted()).isEqualTo("€12.00");
        assertThat(invoice.seller().name()).isEqualTo("Org Ltd");
    }

    MockHttpServletRequestBuilder settingsWithLanguage(String language) {
        return post("/settings")
                .with(csrf())
                .param("name", "Org")
                .param("currency", "EUR")
                .param("vatRate", "20")
                .param("invoicePrefix", "INV")
                .param("paymentTermsDays", "14")
                .param("expiringSoonDays", "30")
                .param("language", language);
    }

    /** Decision 0172: the owner sets the organisation's language; another value is refused beside the field. */
    @Test
    void savesTheOrganisationsLanguageAndRefusesAnotherValueChangingNothing() throws Exception {
        var owner = fixture.signedIn(org.owner());
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.EN);
        mvc.perform(get("/settings").with(owner))
                .andExpect(content().string(containsString("<option value=\"en\" lang=\"en\" selected=\"selected\">")));

        mvc.perform(settingsWithLanguage("fr").with(owner)).andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.FR);
        mvc.perform(get("/audit").with(owner))
                .andExpect(content().string(containsString("<del>English</del>")))
                .andExpect(content().string(containsString("<ins>French</ins>")));
        mvc.perform(get("/settings").with(owner))
                .andExpect(content().string(containsString("<option value=\"fr\" lang=\"fr\" selected=\"selected\">")));

        for (String bad : List.of("de", "", "FR-fr", "english")) {
            mvc.perform(settingsWithLanguage(bad).param("name", "Renamed").with(owner))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Choose English or French.")));
        }
        mvc.perform(settingsWithLanguage("xx").header("Accept-Language", "fr").with(owner))
                .andExpect(content().string(containsString("Choisissez l’anglais ou le français.")));
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.FR);
        assertThat(accounts.organisation(org.owner()).name()).isEqualTo("Org");

        mvc.perform(settingsWithLanguage("en").with(owner)).andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.EN);
    }

    /** Only the organisation's owner sets its language: a manager, a client and anyone signed out are refused. */
    @Test
    void onlyTheOwnerSetsTheOrganisationsLanguage() throws Exception {
        mvc.perform(settingsWithLanguage("fr").with(fixture.signedIn(org.manager())))
                .andExpect(status().isForbidden());
        mvc.perform(settingsWithLanguage("fr").with(fixture.signedIn(org.alice())))
                .andExpect(status().isForbidden());
        mvc.perform(settingsWithLanguage("fr")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.EN);

        mvc.perform(settingsWithLanguage("fr").with(fixture.signedIn(other.owner())))
                .andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(other.owner()).language()).isEqualTo(Language.FR);
        assertThat(accounts.organisation(org.owner()).language())
                .as("another organisation's owner changes only their own")
                .isEqualTo(Language.EN);
    }
}
