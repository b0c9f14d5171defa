package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.shared.Language;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.Currency;
import java.util.Locale;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The currency can change until the organisation has a licence or an invoice, and never after (decision 0029). */
@IntegrationTest
class OrganisationSettingsIntegrationTests {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    LicenceManagement licences;

    @Autowired
    UserLanguages languages;

    @Autowired
    PasswordManagement passwords;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
    }

    OrganisationSettings changed(Caller owner, Currency currency, String invoicePrefix) {
        var settings = OrganisationSettings.of(accounts.organisation(owner));
        return new OrganisationSettings(
                settings.name(),
                settings.legalName(),
                settings.address(),
                currency,
                settings.vatRate(),
                invoicePrefix,
                settings.paymentTermsDays(),
                settings.senderName(),
                settings.senderEmail(),
                settings.expiringSoonDays(),
                settings.language());
    }

    OrganisationSettings speaking(Caller owner, Language language) {
        var settings = OrganisationSettings.of(accounts.organisation(owner));
        return new OrganisationSettings(
                settings.name(),
                settings.legalName(),
                settings.address(),
                settings.currency(),
                settings.vatRate(),
                settings.invoicePrefix(),
                settings.paymentTermsDays(),
                settings.senderName(),
                settings.senderEmail(),
                settings.expiringSoonDays(),
                language);
    }

    /**
     * Decision 0172: what is sent to someone who chose no language is in the organisation's language (it was always
     * English); their own choice still wins, another organisation keeps its own, and a save without one keeps it.
     */
    @Test
    void theOrganisationsLanguageIsWhatItsPeopleWhoChoseNoneAreWrittenIn() {
        TestOrganisation other = organisations.create();
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.EN);
        assertThat(languages.forClient(org.id(), org.alice().userId())).isEqualTo(Locale.UK);

        accounts.updateSettings(org.owner(), speaking(org.owner(), Language.FR));
        languages.choose(org.bob(), Language.EN);

        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.FR);
        assertThat(languages.forClient(org.id(), org.alice().userId())).isEqualTo(Locale.FRANCE);
        assertThat(languages.forClient(org.id(), org.bob().userId())).isEqualTo(Locale.UK);
        assertThat(languages.forOrganisation(org.id())).isEqualTo(Locale.FRANCE);
        assertThat(passwords.sentLinkLanguage(org.alice().userId())).isEqualTo(Locale.FRANCE);
        assertThat(passwords.sentLinkLanguage(org.manager().userId())).isEqualTo(Locale.FRANCE);
        assertThat(passwords.sentLinkLanguage(org.bob().userId())).isEqualTo(Locale.UK);
        assertThat(languages.forClient(other.id(), other.alice().userId())).isEqualTo(Locale.UK);
        assertThat(passwords.sentLinkLanguage(other.alice().userId())).isEqualTo(Locale.UK);

        accounts.updateSettings(org.owner(), speaking(org.owner(), null));
        assertThat(accounts.organisation(org.owner()).language()).isEqualTo(Language.FR);
    }

    void addLicence() {
        licences.create(org.manager(), new NewLicence(plan.id(), "Lobby", null, 1, null));
    }

    @Test
    void changesTheCurrencyWhileNoLicenceOrInvoiceIsPricedInIt() {
        assertThat(accounts.currencyFixed(org.owner())).isFalse();

        accounts.updateSettings(org.owner(), changed(org.owner(), USD, "INV"));

        assertThat(accounts.organisation(org.owner()).currency()).isEqualTo(USD);
    }

    @Test
    void keepsTheCurrencyOnceALicenceExistsAndSavesNothingElse() {
        addLicence();
        assertThat(accounts.currencyFixed(org.owner())).isTrue();

        assertThatThrownBy(() -> accounts.updateSettings(org.owner(), changed(org.owner(), USD, "NEW")))
                .isInstanceOf(CurrencyFixedException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .isEqualTo("The currency cannot change once licences or invoices exist: their prices are in EUR.");

        var organisation = accounts.organisation(org.owner());
        assertThat(organisation.currency()).isEqualTo(EUR);
        assertThat(organisation.invoicePrefix()).isNotEqualTo("NEW");
    }

    @Test
    void savesTheOtherSettingsWithTheSameCurrency() {
        addLicence();

        accounts.updateSettings(org.owner(), changed(org.owner(), EUR, "NEW"));

        assertThat(accounts.organisation(org.owner()).invoicePrefix()).isEqualTo("NEW");
    }

    @Test
    void looksOnlyAtTheOrganisationsOwnRecords() {
        addLicence();
        TestOrganisation other = organisations.create();

        assertThat(accounts.currencyFixed(other.owner())).isFalse();
        accounts.updateSettings(other.owner(), changed(other.owner(), USD, "INV"));
        assertThat(accounts.organisation(other.owner()).currency()).isEqualTo(USD);
    }
}
