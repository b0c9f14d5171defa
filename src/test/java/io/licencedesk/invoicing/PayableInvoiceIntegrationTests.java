package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.Outbox;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Invoices a client can pay (decision 0052): the seller's VAT number, registration and bank details on the PDF, in
 * the e-mail and on the portal's invoice page; the reverse charge between EU countries; and who may see what.
 */
@IntegrationTest
class PayableInvoiceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PaymentDetails payment;

    @Autowired
    Outbox outbox;

    @Autowired
    LicenceManagement licences;

    @Autowired
    UserLanguages languages;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestOrganisation org;
    Plan yearly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        yearly = fixture.yearlyPlan(org);
        var organisation = accounts.organisation(org.owner());
        accounts.updateSettings(
                org.owner(),
                new OrganisationSettings(
                        organisation.name(),
                        "Signage SAS",
                        "1 rue de Rivoli\nParis",
                        organisation.currency(),
                        new BigDecimal("20.00"),
                        "INV",
                        30,
                        null,
                        "billing@signage.example",
                        30,
                        Language.EN));
        payment.update(
                org.owner(),
                new PaymentSettings(
                        "FR12345678901",
                        "RCS Paris 123 456 789",
                        "FR1420041010050500013M02606",
                        "PSSTFRPPPAR",
                        "Cheques to Signage SAS, 1 rue de Rivoli.",
                        "https://pay.example.com/signage"));
    }

    Invoice invoiceFor(long clientId) {
        long licence = testLicences.activated(org.owner(), yearly, clientId, "Lobby", testLicences.today());
        return invoicing.send(org.manager(), List.of(licence)).issued().get(0);
    }

    String pdfText(Invoice invoice) throws Exception {
        try (var document = Loader.loadPDF(invoicing.pdf(org.manager(), invoice.id()))) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theBuyerInAnotherEuCountryWithAVatNumberIsReverseChargedAndEveryoneReadsHowToPay() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.bob().userId(),
                new NewClient(org.bob().name(), org.bob().email(), "Bob GmbH", "Berlin", "DE123456789"));

        Invoice invoice = invoiceFor(org.bob().userId());

        assertThat(invoice.totals().reverseCharge()).isTrue();
        assertThat(invoice.totals().vat().formatted()).isEqualTo("€0.00");
        assertThat(invoice.totals().total()).isEqualTo(invoice.totals().subtotal());
        String pdf = pdfText(invoice);
        assertThat(pdf)
                .contains("VAT number: FR12345678901")
                .contains("Company registration: RCS Paris 123 456 789")
                .contains("VAT 0% (reverse charge)")
                .contains("Reverse charge: VAT to be accounted for by the recipient")
                .contains("IBAN FR14 2004 1010 0505 0001 3M02 606, BIC PSSTFRPPPAR")
                .contains("Cheques to Signage SAS")
                .contains("Pay online: https://pay.example.com/signage")
                .contains("VAT number: DE123456789");
        assertThat(outbox.about(org.id(), "INVOICE", invoice.id()))
                .singleElement()
                .satisfies(email -> {
                    assertThat(email.textBody())
                            .contains("Reverse charge")
                            .contains("Bank transfer to IBAN FR14 2004 1010 0505 0001 3M02 606, BIC PSSTFRPPPAR.")
                            .contains("Pay online: https://pay.example.com/signage");
                    assertThat(email.htmlBody()).contains("FR14 2004 1010 0505 0001 3M02 606");
                });
    }

    /**
     * A reverse-charged invoice said "VAT 0%" on the console's page, 0.00 in the accountant's CSV and 0 in the REST API,
     * as an invoice at a zero rate would: only the PDF said why. Each says it was reverse charged now.
     */
    @Test
    void theConsolesPageTheCsvAndTheApiSayAnInvoiceWasReverseCharged() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.bob().userId(),
                new NewClient(org.bob().name(), org.bob().email(), "Bob GmbH", "Berlin", "DE123456789"));
        Invoice reverseCharged = invoiceFor(org.bob().userId());
        Invoice charged = invoiceFor(org.alice().userId());
        var manager = fixture.signedIn(org.manager().email());

        String page = mvc.perform(get("/invoices/{id}", reverseCharged.id()).with(manager))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("dt").eachText()).contains("VAT 0% (reverse charge)");
        String csv = mvc.perform(get("/invoices/export.csv").with(manager))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(
                        ",payment_reference,reverse_charge,void_reason,licence_name,term_start,term_end,outside_eu_vat"
                                + ",screens,unit_price");
        assertThat(csv.lines().filter(line -> line.startsWith(reverseCharged.number())))
                .singleElement(InstanceOfAssertFactories.STRING)
                .endsWith(",true,," + reverseCharged.line().licenceName() + "," + termDates(reverseCharged) + ",false,"
                        + screensAndUnitPrice(reverseCharged));
        assertThat(csv.lines().filter(line -> line.startsWith(charged.number())))
                .singleElement(InstanceOfAssertFactories.STRING)
                .endsWith(",false,," + charged.line().licenceName() + "," + termDates(charged) + ",false,"
                        + screensAndUnitPrice(charged));
        String token = fixture.token(org.manager());
        for (var invoice : Map.of(reverseCharged, true, charged, false).entrySet()) {
            String json = mvc.perform(
                            get("/api/v1/invoices/{id}", invoice.getKey().id())
                                    .header("Authorization", "Bearer " + token))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(json).contains("\"reverseCharge\":" + invoice.getValue());
        }
    }

    /**
     * The number of screens was printed without grouping, "10000" beside "€270,000.00", on the PDF and on the console's
     * and the portal's invoice pages: it is grouped as the amounts are, in the reader's language.
     */
    @Test
    void theNumberOfScreensIsGroupedAsTheAmountsAre() throws Exception {
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                yearly.id(),
                                "Stadium",
                                null,
                                10_000,
                                org.alice().userId()))
                .id();
        Invoice invoice =
                invoicing.send(org.manager(), List.of(licence)).issued().get(0);

        assertThat(pdfText(invoice)).containsPattern("\\n10,000 €");
        String page = mvc.perform(get("/invoices/{id}", invoice.id())
                        .with(fixture.signedIn(org.manager().email())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("dd").eachText())
                .anySatisfy(text -> assertThat(text).startsWith("10,000 × €"));
        // The licence's own pages printed "10000" beside "€1,000,000.00" too.
        for (String licencePage : List.of("/licences/" + licence, "/licences?q=Stadium")) {
            String html = mvc.perform(
                            get(licencePage).with(fixture.signedIn(org.manager().email())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(html).select("dd, td").eachText())
                    .as(licencePage)
                    .contains("10,000")
                    .doesNotContain("10000");
        }

        languages.choose(org.alice(), Language.FR);
        assertThat(pdfText(invoice)).containsPattern("\\n10[\\h ]000 \\d");
        String portal = mvc.perform(get("/portal/invoices/{id}", invoice.id())
                        .with(fixture.signedIn(org.alice().email()))
                        .header("Accept-Language", "fr"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(portal).select("dd").eachText())
                .anySatisfy(text -> assertThat(text).matches("10\\h000 × .*"));
        String portalList = mvc.perform(get("/portal")
                        .with(fixture.signedIn(org.alice().email()))
                        .header("Accept-Language", "fr"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(portalList).select("td").eachText())
                .anySatisfy(text -> assertThat(text).matches("0 / 10\\h000"));
    }

    @Test
    void aBuyerInTheSameCountryOrWithoutAVatNumberPaysTheSellersRate() throws Exception {
        accounts.updateClient(
                org.manager(),
                org.bob().userId(),
                new NewClient(org.bob().name(), org.bob().email(), "Bob SARL", "Lyon", "FR98765432109"));

        Invoice sameCountry = invoiceFor(org.bob().userId());
        Invoice noVatNumber = invoiceFor(org.alice().userId());

        for (Invoice invoice : List.of(sameCountry, noVatNumber)) {
            assertThat(invoice.totals().reverseCharge()).isFalse();
            assertThat(invoice.totals().vatRate()).isEqualByComparingTo("20");
            assertThat(pdfText(invoice)).contains("VAT 20%").doesNotContain("reverse charge");
        }
    }

    /** "Pay online" opens the seller's payment page in a new tab: a screen reader says so before it happens. */
    @Test
    void payOnlineSaysItOpensANewTabInEveryLanguage() throws Exception {
        Invoice invoice = invoiceFor(org.alice().userId());
        var expected =
                Map.of("en", "Pay online (opens in a new tab)", "fr", "Payer en ligne (s’ouvre dans un nouvel onglet)");

        for (var language : expected.entrySet()) {
            String html = mvc.perform(get("/portal/invoices/{id}", invoice.id())
                            .header("Accept-Language", language.getKey())
                            .with(fixture.signedIn(org.alice())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);

            var links = Jsoup.parse(html).select("a[target=_blank]");
            assertThat(links).as(language.getKey()).hasSize(1);
            var payOnline = links.first();
            assertThat(payOnline.attr("href")).isEqualTo("https://pay.example.com/signage");
            assertThat(payOnline.text()).as(language.getKey()).isEqualTo(language.getValue());
            assertThat(payOnline.select(".visually-hidden").text())
                    .as(language.getKey())
                    .isEqualTo(language.getValue().substring(language.getValue().indexOf('(')));
            assertThat(payOnline.attr("rel").split(" ")).contains("noopener", "noreferrer");
        }
    }

    @Test
    void theClientsInvoicePageSaysWhatIsDueByWhenAndHowToPayAndNobodyElseSeesIt() throws Exception {
        Invoice invoice = invoiceFor(org.alice().userId());

        MockHttpServletResponse page = mvc.perform(
                        get("/portal/invoices/{id}", invoice.id()).with(fixture.signedIn(org.alice())))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains(invoice.totals().total().formatted())
                .contains("Due by")
                .contains("FR14 2004 1010 0505 0001 3M02 606")
                .contains("PSSTFRPPPAR")
                .contains("href=\"https://pay.example.com/signage\"");
        assertThat(mvc.perform(get("/portal/invoices/{id}", invoice.id()).with(fixture.signedIn(org.bob())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("another client")
                .isEqualTo(404);
        TestOrganisation other = fixture.organisation();
        assertThat(mvc.perform(get("/portal/invoices/{id}", invoice.id()).with(fixture.signedIn(other.alice())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("another organisation's client")
                .isEqualTo(404);
        assertThat(mvc.perform(get("/portal/invoices/{id}", invoice.id()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("nobody signed in")
                .endsWith("/login");
    }

    @Test
    void onlyOwnersChangeThePaymentDetailsAndAWrongIbanIsRefusedBesideItsField() throws Exception {
        MockHttpServletResponse refused = mvc.perform(post("/settings/payment")
                        .param("iban", "FR1420041010050500013M02607")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("This is not a valid IBAN: check its letters and digits.");
        assertThat(payment.of(org.id()).iban()).isEqualTo("FR1420041010050500013M02606");

        assertThat(mvc.perform(post("/settings/payment")
                                .param("iban", "DE89370400440532013000")
                                .with(fixture.signedIn(org.manager()))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/settings/payment")
                                .param("iban", "DE89 3704 0044 0532 0130 00")
                                .with(fixture.signedIn(org.owner()))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(payment.of(org.id()))
                .as("an empty field clears its setting")
                .isEqualTo(new PaymentSettings(null, null, "DE89370400440532013000", null, null, null));
    }

    /** Each wrong field was named only once the one before it was put right: three submissions for three typos. */
    @Test
    void namesEveryWrongPaymentDetailAtOnceAndKeepsWhatWasTyped() throws Exception {
        PaymentSettings before = payment.of(org.id());
        String page = mvc.perform(post("/settings/payment")
                        .param("vatNumber", "12")
                        .param("iban", "FR1420041010050500013M02607")
                        .param("bic", "X")
                        .param("paymentLink", "http://pay.example.com")
                        .param("instructions", "Quote the invoice number")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Enter a VAT number that starts with its country code")
                .contains("This is not a valid IBAN: check its letters and digits.")
                .contains("Enter a BIC of 8 or 11 letters and digits")
                .contains("Enter an https address")
                .contains("Quote the invoice number");
        assertThat(payment.of(org.id())).isEqualTo(before);

        assertThat(mvc.perform(post("/settings/payment")
                                .param("bic", "DEUTDEFF")
                                .with(fixture.signedIn(org.owner()))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Enter the IBAN that goes with the BIC.");
    }

    /**
     * A paid invoice sent again (a copy for the client's books) asked for the money again: "Total due … by …", the
     * bank details and the payment link. It now says it was paid and asks for nothing, as its PDF already did.
     */
    @Test
    void aPaidInvoiceSentAgainSaysItWasPaidAndAsksForNothing() throws Exception {
        Invoice invoice = invoiceFor(org.alice().userId());
        invoicing.markPaid(org.manager(), invoice.id(), invoice.issuedOn(), "BANK-9");
        // The first e-mail went out (an unsent one is not queued twice).
        jdbc.sql("update outbound_email set status = 'SENT' where subject_type = 'INVOICE' and subject_id = ?")
                .param(invoice.id())
                .update();

        invoicing.resend(org.manager(), invoice.id());

        var emails = outbox.about(org.id(), "INVOICE", invoice.id());
        assertThat(emails).hasSize(2);
        String total = invoice.totals().total().formatted();
        assertThat(emails.get(1).textBody()).contains("Total due: " + total).contains("Pay online");
        var copy = emails.get(0);
        for (String body : List.of(copy.textBody(), copy.htmlBody())) {
            assertThat(body)
                    .contains("was paid on " + InvoiceWords.date(invoice.issuedOn(), java.util.Locale.UK))
                    .contains(invoice.number())
                    .doesNotContain("Total due", "IBAN", "Pay online", "how to pay");
        }
        assertThat(copy.textBody()).contains("This invoice of " + total + " was paid on");
    }

    /** The term's first and last days as the export writes them: ISO dates, both there once the licence is in use. */
    private static String termDates(Invoice invoice) {
        assertThat(invoice.line().termStart()).isNotNull();
        return invoice.line().termStart() + "," + invoice.line().termEnd();
    }

    /** The screens billed and the price of one, the export's last two columns (decision 0181). */
    private static String screensAndUnitPrice(Invoice invoice) {
        return invoice.line().quantity() + ","
                + invoice.line().unitPrice().amount().toPlainString();
    }
}
