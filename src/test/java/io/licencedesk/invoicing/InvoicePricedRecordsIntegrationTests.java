package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An organisation's invoices fix its currency (decision 0029), and only its own. */
@IntegrationTest
class InvoicePricedRecordsIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    InvoicePricedRecords pricedRecords;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Test
    void existOnceTheOrganisationHasAnInvoice() {
        TestOrganisation org = organisations.create();
        TestOrganisation other = organisations.create();
        var plan = fixture.monthlyPlan(org);
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 1, org.alice().userId()))
                .id();
        assertThat(pricedRecords.existFor(org.id())).isFalse();

        invoicing.send(org.manager(), List.of(licence));

        assertThat(pricedRecords.existFor(org.id())).isTrue();
        assertThat(pricedRecords.existFor(other.id())).isFalse();
    }
}
