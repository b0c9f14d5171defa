package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/v1/invoices/totals: what the invoices listInvoices lists add up to, every page, as the console's invoices
 * page sums them for the accountant (decision 0135); the list alone made a program fetch every page to add them up.
 */
@IntegrationTest
class InvoiceTotalsApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    /** The application's: its days are the server's zone's, not UTC's. */
    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    TestOrganisation org;
    Plan plan;
    String manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        manager = fixture.token(org.manager());
    }

    MockHttpServletResponse answer(String address, String token) throws Exception {
        var request = get(address);
        if (token != null) {
            request.with(bearer(token));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    JsonNode read(String address) throws Exception {
        MockHttpServletResponse response = answer(address, manager);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    long invoice(int screens, long clientId) {
        long licence = licences.create(org.manager(), new NewLicence(plan.id(), "Foyer", null, screens, clientId))
                .id();
        return invoicing.send(org.manager(), List.of(licence)).issued().get(0).id();
    }

    static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.get("amount").asString());
    }

    static BigDecimal sumOf(JsonNode list, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode invoice : list.get("data")) {
            sum = sum.add(amount(invoice.get(field)));
        }
        return sum;
    }

    @Test
    void addsUpEveryInvoiceTheListHoldsForItsFiltersAsTheConsoleDoes() throws Exception {
        long paid = invoice(2, org.alice().userId());
        invoice(3, org.alice().userId());
        invoice(1, org.bob().userId());
        long voided = invoice(4, org.bob().userId());
        invoicing.markPaid(org.manager(), paid, LocalDate.now(clock), "BANK-1");
        invoicing.voidInvoice(org.manager(), voided, "Wrong company");

        JsonNode all = read("/api/v1/invoices/totals").get("data");
        assertThat(all).hasSize(1);
        JsonNode sums = all.get(0);
        JsonNode notVoid = read("/api/v1/invoices?status=not_void&limit=100");
        assertThat(sums.get("currency").asString())
                .isEqualTo(plan.unitPrice().currency().getCurrencyCode());
        assertThat(sums.get("invoices").asLong()).isEqualTo(4);
        assertThat(sums.get("voided").asLong()).isEqualTo(1);
        assertThat(amount(sums.get("net"))).isEqualByComparingTo(sumOf(notVoid, "subtotal"));
        assertThat(amount(sums.get("vat"))).isEqualByComparingTo(sumOf(notVoid, "vat"));
        assertThat(amount(sums.get("total"))).isEqualByComparingTo(sumOf(notVoid, "total"));
        assertThat(amount(sums.get("paid"))).isEqualByComparingTo(sumOf(read("/api/v1/invoices?status=paid"), "total"));
        assertThat(amount(sums.get("unpaid")))
                .isEqualByComparingTo(sumOf(read("/api/v1/invoices?status=unpaid&limit=100"), "total"));
        assertThat(amount(sums.get("overdue"))).isZero();

        JsonNode alices = read("/api/v1/invoices/totals?client=" + org.alice().userId())
                .get("data")
                .get(0);
        assertThat(alices.get("invoices").asLong()).isEqualTo(2);
        assertThat(amount(alices.get("total")))
                .isEqualByComparingTo(
                        sumOf(read("/api/v1/invoices?client=" + org.alice().userId()), "total"));
        assertThat(read("/api/v1/invoices/totals?status=overdue").get("data")).isEmpty();
    }

    @Test
    void refusesAFilterItCannotReadAsTheListDoes() throws Exception {
        TestOrganisation other = fixture.organisation();
        for (String query :
                List.of("status=late", "client=" + other.alice().userId(), "issuedIn=2026-13", "page=2", "client=")) {
            MockHttpServletResponse refused = answer("/api/v1/invoices/totals?" + query, manager);
            assertThat(refused.getStatus()).as(query).isEqualTo(400);
            assertThat(refused.getContentAsString()).as(query).contains("bad-parameter");
        }
    }

    @Test
    void anotherOrganisationAddsUpOnlyItsOwnAndAClientOrNobodyIsRefused() throws Exception {
        invoice(2, org.alice().userId());
        TestOrganisation other = fixture.organisation();

        MockHttpServletResponse others = answer("/api/v1/invoices/totals", fixture.token(other.owner()));
        assertThat(others.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(others.getContentAsString()).get("data")).isEmpty();
        assertThat(answer("/api/v1/invoices/totals", fixture.readOnlyToken(org.owner()))
                        .getStatus())
                .isEqualTo(200);
        assertThat(answer("/api/v1/invoices/totals", fixture.token(org.alice())).getStatus())
                .isEqualTo(403);
        assertThat(answer("/api/v1/invoices/totals", null).getStatus()).isEqualTo(401);
        assertThat(mvc.perform(post("/api/v1/invoices/totals").with(bearer(manager)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(405);
    }
}
