package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.Currency;
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
                settings.expiringSoonDays());
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
