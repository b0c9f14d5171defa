package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An invoice as a reseller's accountant checks it (decision 0175): the e-mail that carries it says what the PDF
 * says, to the cent, and who the seller is for the tax office.
 */
@IntegrationTest
@MovableTime
class InvoiceAsAnAccountantReadsItIntegrationTests {

    @Autowired
    MockMvc mvc;

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

    @Autowired
    MovableClock clock;

    @Autowired
    InvoiceFigures figures;

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

    @AfterEach
    void resetClock() {
        clock.reset();
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

    /**
     * A French seller's UK business client (GB VAT number) was charged French VAT, 8.1% here, as decision 0052 left
     * "non-EU rules" to the seller's rate: an EU seller's service to a business established outside the EU is outside
     * the scope of EU VAT (article 44). It is invoiced without VAT now, and every place that gives the VAT says why.
     */
    @Test
    void aBusinessOutsideTheEuIsInvoicedWithoutVatAndEveryPlaceSaysWhy() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.bob().userId(),
                new NewClient(org.bob().name(), org.bob().email(), "Bob Ltd", "London", "GB123456789"));

        Invoice invoice = threeScreensFor(org.bob().userId());

        assertThat(invoice.totals().vat().minorUnits()).isZero();
        assertThat(invoice.totals().total().minorUnits()).isEqualTo(2997);
        assertThat(pdfText(invoice))
                .contains("VAT 0% (outside EU VAT) €0.00")
                .contains("Total due €29.97")
                .contains("Outside the scope of EU VAT: services supplied to a business established outside the EU")
                .doesNotContain("Reverse charge");
        assertThat(emailText(invoice))
                .contains("Before VAT €29.97, no VAT (outside the scope of EU VAT), total €29.97 (EUR).")
                .contains("Outside the scope of EU VAT: services supplied to a business established outside the EU");
        String token = fixture.token(org.manager());
        String json = mvc.perform(get("/api/v1/invoices/{id}", invoice.id()).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"vat\":{\"amount\":\"0.00\"")
                .contains("\"reverseCharge\":false")
                .contains("\"outsideEuVat\":true")
                .contains("\"total\":{\"amount\":\"29.97\"");
        String csv = mvc.perform(get("/api/v1/invoices/export").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",term_start,term_end,outside_eu_vat,screens,unit_price");
        assertThat(csv)
                .containsPattern(
                        invoice.number() + ",.*,29\\.97,0\\.00,0\\.00,29\\.97,EUR,.*,false,.*,true,3,9\\.99\\r?\\n");
        String console = mvc.perform(get("/invoices/{id}", invoice.id()).with(fixture.signedIn(org.manager())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(console).select("dt").eachText()).contains("VAT 0% (outside EU VAT)");
        String portal = mvc.perform(get("/portal/invoices/{id}", invoice.id()).with(fixture.signedIn(org.bob())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(portal).select("dd").eachText())
                .contains("0%: outside the scope of EU VAT, your business being established outside the EU");
        languages.choose(org.bob(), Language.FR);
        assertThat(pdfText(invoice)).containsPattern("TVA 0\\h% \\(hors champ UE\\)");
    }

    /**
     * Decision 0175 left two gaps (decision 0181): the CSV had the net only, not what it is made of (3 screens at
     * €9.99; failed before: no such columns), and the rate was read as 8.1 from the REST API and 8.10 from the CSV.
     * Both write the rate as the invoice recorded it, with its two decimals, 8.10; the API's document now says so.
     */
    @Test
    void theCsvGivesTheScreensAndTheUnitPriceAndTheSameVatRateAsTheApi() throws Exception {
        Invoice invoice = threeScreensFor(org.alice().userId());
        String token = fixture.token(org.manager());

        String json = mvc.perform(get("/api/v1/invoices/{id}", invoice.id()).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> csv = mvc.perform(get("/api/v1/invoices/export").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .lines()
                .toList();
        List<String> header = List.of(csv.get(0).split(","));
        List<String> row = List.of(csv.get(1).split(",", -1));
        assertThat(row.get(header.indexOf("number"))).isEqualTo(invoice.number());
        assertThat(header).endsWith("outside_eu_vat", "screens", "unit_price");
        assertThat(row.get(header.indexOf("screens"))).isEqualTo("3");
        assertThat(row.get(header.indexOf("unit_price"))).isEqualTo("9.99");
        assertThat(row.get(header.indexOf("net"))).isEqualTo("29.97");
        assertThat(row.get(header.indexOf("vat_rate"))).isEqualTo("8.10");
        assertThat(json).contains("\"vatRate\":8.10,");
    }

    /** A buyer without a VAT number may be a consumer, and a number without a country says nothing: the seller's rate. */
    @Test
    void aBuyerWithoutAVatNumberOrWithoutACountryInItPaysTheSellersRate() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.bob().userId(),
                new NewClient(org.bob().name(), org.bob().email(), "Bob Inc", "New York", "12-3456789"));

        for (Invoice invoice : List.of(
                threeScreensFor(org.alice().userId()), threeScreensFor(org.bob().userId()))) {
            assertThat(invoice.totals().vat().minorUnits()).isEqualTo(243);
            assertThat(pdfText(invoice)).contains("VAT 8.1% €2.43").doesNotContain("outside the scope");
        }
    }

    /**
     * Changing the prefix mid-year does not restart the numbers, and a void invoice's number is not given again: the
     * organisation's numbers stay one gapless sequence (decision 0010). This held; the settings page did not say it.
     */
    @Test
    void aNewPrefixGoesOnFromTheLastNumberAndAVoidNumberIsNeverGivenAgain() throws Exception {
        // Not across a new year, which starts the numbers again (decision 0010).
        clock.moveTo(Instant.parse("2026-06-10T12:00:00Z"));
        Invoice first = threeScreensFor(org.alice().userId());
        var organisation = accounts.organisation(org.owner());
        accounts.updateSettings(
                org.owner(),
                new OrganisationSettings(
                        organisation.name(),
                        organisation.legalName(),
                        organisation.address(),
                        organisation.currency(),
                        organisation.vatRate(),
                        "ACME",
                        organisation.paymentTermsDays(),
                        null,
                        organisation.senderEmail(),
                        30,
                        Language.EN));
        Invoice second = threeScreensFor(org.alice().userId());
        invoicing.voidInvoice(org.manager(), second.id(), "Wrong client");
        Invoice again = invoicing
                .send(org.manager(), List.of(second.line().licenceId()))
                .issued()
                .get(0);

        assertThat(List.of(first.number(), second.number(), again.number()))
                .containsExactly("INV-2026-000001", "ACME-2026-000002", "ACME-2026-000003");
        String settings = mvc.perform(get("/settings").with(fixture.signedIn(org.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(settings).select("#invoicePrefix-help").text())
                .isEqualTo("Numbers go on from the last one: a new prefix does not restart them (INV-2026-000041, then"
                        + " ACME-2026-000042), and a void invoice keeps its number.");
    }

    /**
     * A payment recorded on 3 July for money received on 28 June counts as paid in June, on the dashboard, in the
     * list's totals and in the REST API's, the payment's date deciding, not the day it was recorded; removing it takes
     * it out of June again. This held (checked on H2 and, in the twin, on PostgreSQL's tallies).
     */
    @Test
    void aPaymentCountsInTheMonthOfItsDateNotOfTheDayItWasRecorded() throws Exception {
        clock.moveTo(Instant.parse("2026-06-10T12:00:00Z"));
        Invoice invoice = threeScreensFor(org.alice().userId());
        clock.moveTo(Instant.parse("2026-07-03T12:00:00Z"));
        invoicing.markPaid(org.manager(), invoice.id(), LocalDate.of(2026, 6, 28), "BANK-7");

        var months = byMonth();
        assertThat(months.get(YearMonth.of(2026, 6)).invoiced().minorUnits()).isEqualTo(3240);
        assertThat(months.get(YearMonth.of(2026, 6)).paid().minorUnits()).isEqualTo(3240);
        assertThat(months.get(YearMonth.of(2026, 7)).paidCount()).isZero();
        String token = fixture.token(org.manager());
        assertThat(totals(token, "status=paid&paidIn=2026-06")).contains("\"paid\":{\"amount\":\"32.40\"");
        assertThat(totals(token, "status=paid&paidIn=2026-07")).isEqualTo("{\"data\":[]}");

        invoicing.removePayment(org.manager(), invoice.id());

        months = byMonth();
        assertThat(months.get(YearMonth.of(2026, 6)).paidCount()).isZero();
        assertThat(months.get(YearMonth.of(2026, 6)).invoiced().minorUnits()).isEqualTo(3240);
        assertThat(totals(token, "status=paid&paidIn=2026-06")).isEqualTo("{\"data\":[]}");
        assertThat(totals(token, "issuedIn=2026-06")).contains("\"unpaid\":{\"amount\":\"32.40\"");
    }

    Map<YearMonth, InvoiceOverview.Month> byMonth() {
        var months = new LinkedHashMap<YearMonth, InvoiceOverview.Month>();
        figures.overview(org.manager(), 12).months().forEach(month -> months.put(month.month(), month));
        return months;
    }

    String totals(String token, String query) throws Exception {
        return mvc.perform(get("/api/v1/invoices/totals?" + query).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
