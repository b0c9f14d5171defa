package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.mail.Outbox;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An invoice as a reseller's accountant checks it (decision 0175): the e-mail that carries it says what the PDF
 * says, to the cent, and who the seller is for the tax office.
 */
@IntegrationTest
class InvoiceAsAnAccountantReadsItIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PaymentDetails payment;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    LicenceManagement licences;

    @Autowired
    UserLanguages languages;

    @Autowired
    Outbox outbox;

    TestOrganisation org;
    Plan odd;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        odd = plans.addPlan(org.owner(), new NewPlan("Odd", Period.ofMonths(1), new BigDecimal("9.99")));
        var organisation = accounts.organisation(org.owner());
        accounts.updateSettings(
                org.owner(),
                new OrganisationSettings(
                        organisation.name(),
                        "Signage SAS",
                        "1 rue de Rivoli\nParis",
                        organisation.currency(),
                        new BigDecimal("8.10"),
                        "INV",
                        30,
                        null,
                        "billing@signage.example",
                        30,
                        Language.EN));
        payment.update(
                org.owner(),
                new PaymentSettings(
                        "FR12345678901", "RCS Paris 123 456 789", "FR1420041010050500013M02606", null, null, null));
    }

    Invoice threeScreensFor(long clientId) {
        long licence = licences.create(org.manager(), new NewLicence(odd.id(), "Lobby", null, 3, clientId))
                .id();
        return invoicing.send(org.manager(), List.of(licence)).issued().get(0);
    }

    String pdfText(Invoice invoice) throws Exception {
        try (var document = Loader.loadPDF(invoicing.pdf(org.manager(), invoice.id()))) {
            return new PDFTextStripper().getText(document);
        }
    }

    String emailText(Invoice invoice) {
        return outbox.about(org.id(), "INVOICE", invoice.id()).get(0).textBody();
    }

    String emailHtml(Invoice invoice) {
        return outbox.about(org.id(), "INVOICE", invoice.id()).get(0).htmlBody();
    }

    /**
     * 3 screens at €9.99 with 8.1% VAT: €29.97, VAT €2.43 (2.42757 rounded), €32.40. The PDF said so; the e-mail gave
     * only the total, and neither the seller's VAT number nor its registration, which PRODUCT.md puts on both.
     */
    @Test
    void theEmailStatesTheNetTheVatRateAndAmountTheTotalAndTheSellersNumbersAsThePdfDoes() throws Exception {
        Invoice invoice = threeScreensFor(org.alice().userId());

        assertThat(invoice.totals().vat().minorUnits()).isEqualTo(243);
        assertThat(pdfText(invoice))
                .contains("Subtotal €29.97")
                .contains("VAT 8.1% €2.43")
                .contains("Total due €32.40")
                .contains("VAT number: FR12345678901")
                .contains("Company registration: RCS Paris 123 456 789");
        assertThat(emailText(invoice))
                .contains("Before VAT €29.97, VAT at 8.1% €2.43, total €32.40 (EUR).")
                .contains("Total due: €32.40, by ")
                .contains("Signage SAS\nVAT number: FR12345678901\nCompany registration: RCS Paris 123 456 789\n");
        assertThat(emailHtml(invoice))
                .contains("Before VAT €29.97, VAT at 8.1% €2.43, total €32.40 (EUR).")
                .contains("<br>VAT number: FR12345678901<br>Company registration: RCS Paris 123 456 789</p>");
    }

    @Test
    void aReverseChargedInvoicesEmailSaysNoVatIsChargedAndWhyInTheClientsLanguage() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.bob().userId(),
                new NewClient(org.bob().name(), org.bob().email(), "Bob GmbH", "Berlin", "DE123456789"));
        languages.choose(org.bob(), Language.FR);

        Invoice invoice = threeScreensFor(org.bob().userId());

        assertThat(pdfText(invoice))
                .containsPattern("TVA 0\\h% \\(autoliquidation\\)")
                .contains("Autoliquidation");
        assertThat(emailText(invoice))
                .containsPattern("Hors TVA 29,97\\h€, pas de TVA \\(autoliquidation\\), total 29,97\\h€ \\(EUR\\).")
                .contains("Autoliquidation\u00a0: TVA due par le preneur")
                .contains("Numéro de TVA\u00a0: FR12345678901");
    }
}
