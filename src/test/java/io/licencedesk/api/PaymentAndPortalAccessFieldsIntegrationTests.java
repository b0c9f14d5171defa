package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.accounts.People;
import io.licencedesk.licence.NewLicence;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pages show and the API now says too: an invoice's payment details while it is to be paid (the portal's
 * invoice page) and a client's portal access (the console's client page).
 */
class PaymentAndPortalAccessFieldsIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PaymentDetails payment;

    @Autowired
    People people;

    @Test
    void givesAnInvoiceToPayItsPaymentDetailsAndAPaidOneItsPayment() throws Exception {
        payment.update(
                org.owner(),
                new PaymentSettings(
                        null,
                        null,
                        "FR1420041010050500013M02606",
                        "PSSTFRPPPAR",
                        "Cheques to the seller.",
                        "https://pay.example.com/signage"));
        long foyer = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Foyer", null, 1, org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), foyer);
        var invoice = invoicing.send(org.manager(), List.of(foyer)).issued().get(0);
        String client = token(org.alice());

        JsonNode due = read(get("/api/v1/portal/invoices/" + invoice.id()), client);
        assertThat(due.get("payable").asBoolean()).isTrue();
        JsonNode howToPay = due.get("howToPay");
        assertThat(howToPay.get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
        assertThat(howToPay.get("bic").asString()).isEqualTo("PSSTFRPPPAR");
        assertThat(howToPay.get("reference").asString()).isEqualTo(invoice.number());
        assertThat(howToPay.get("payTo").asString()).isEqualTo(invoice.seller().name());
        assertThat(howToPay.get("instructions").asString()).isEqualTo("Cheques to the seller.");
        assertThat(howToPay.get("link").asString()).isEqualTo("https://pay.example.com/signage");
        JsonNode listed = read(get("/api/v1/portal/invoices"), client);
        assertThat(listed.get("data").findValues("howToPay"))
                .anySatisfy(node -> assertThat(node.isObject()).isTrue());
        JsonNode before = read(get("/api/v1/portal/invoices/" + invoiceId), client);
        assertThat(before.get("payable").asBoolean()).isTrue();
        assertThat(before.get("howToPay").isNull())
                .as("issued before any payment details")
                .isTrue();

        invoicing.markPaid(org.manager(), invoice.id(), LocalDate.now(clock), "BANK-2231");
        JsonNode paid = read(get("/api/v1/portal/invoices/" + invoice.id()), client);
        assertThat(paid.get("payable").asBoolean()).isFalse();
        assertThat(paid.get("howToPay").isNull()).isTrue();
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(paid.get("paidOn").asString()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(paid.get("paymentReference").asString()).isEqualTo("BANK-2231");
    }

    @Test
    void givesAClientsPortalAccessAsTheConsoleShowsIt() throws Exception {
        String owner = token(org.owner());
        assertThat(read(get("/api/v1/clients/" + org.alice().userId()), owner)
                        .get("portalAccess")
                        .asString())
                .isEqualTo("active");
        JsonNode notInvited = read(
                post("/api/v1/clients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Nina\", \"email\": \"nina-%d@example.test\"}".formatted(org.id())),
                owner);
        assertThat(notInvited.get("portalAccess").asString()).isEqualTo("not_invited");
        JsonNode invited = read(
                post("/api/v1/clients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Ivo\", \"email\": \"ivo-%d@example.test\", \"invite\": true}"
                                .formatted(org.id())),
                owner);
        assertThat(invited.get("portalAccess").asString()).isEqualTo("invited");

        people.disableClient(org.owner(), org.bob().userId());
        JsonNode list = read(get("/api/v1/clients?limit=100"), owner);
        assertThat(list.get("data"))
                .allSatisfy(client -> assertThat(client.get("portalAccess").asString())
                        .isIn("not_invited", "invited", "invitation_expired", "active", "disabled"));
        assertThat(list.get("data"))
                .filteredOn(client -> client.get("id").asLong() == org.bob().userId())
                .singleElement()
                .satisfies(bob -> assertThat(bob.get("portalAccess").asString()).isEqualTo("disabled"));
        assertThat(list.get("data"))
                .filteredOn(
                        client -> client.get("id").asLong() == invited.get("id").asLong())
                .singleElement()
                .satisfies(ivo -> assertThat(ivo.get("portalAccess").asString()).isEqualTo("invited"));
    }

    private JsonNode read(MockHttpServletRequestBuilder request, String token) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
