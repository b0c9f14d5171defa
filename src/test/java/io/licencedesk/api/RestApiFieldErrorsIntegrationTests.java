package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body or a parameter that cannot be read is answered with the field at fault named, in {@code errors} and in the
 * detail, as Stripe names the parameter: an integrator following docs/api.md sees which field to fix.
 */
@IntegrationTest
class RestApiFieldErrorsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    TestOrganisation org;
    Plan plan;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
    }

    JsonNode problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode created(String body) throws Exception {
        return problem(
                post("/api/v1/licences").contentType(MediaType.APPLICATION_JSON).content(body), 400);
    }

    @Test
    void namesAFieldTheOperationDoesNotTake() throws Exception {
        JsonNode answer = created(
                "{\"planId\": %d, \"name\": \"Lobby\", \"quantity\": 5, \"colour\": \"red\"}".formatted(plan.id()));
        assertThat(answer.get("type").asString()).endsWith("/malformed-body");
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("colour");
        assertThat(answer.get("detail").asString()).contains("colour");
    }

    @Test
    void namesAFieldOfTheWrongTypeAndWhatItTakes() throws Exception {
        JsonNode answer = created("{\"planId\": %d, \"name\": \"Lobby\", \"quantity\": \"5\"}".formatted(plan.id()));
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertThat(answer.get("detail").asString()).contains("quantity").contains("a whole number");

        JsonNode fraction = created("{\"planId\": %d, \"name\": \"Lobby\", \"quantity\": 1.5}".formatted(plan.id()));
        assertThat(fraction.get("errors").get(0).get("field").asString()).isEqualTo("quantity");
    }

    @Test
    void namesAnItemOfAListByItsPlace() throws Exception {
        JsonNode answer = problem(
                post("/api/v1/invoices/send")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [1, \"two\"]}"),
                400);
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("licenceIds[1]");
    }

    @Test
    void saysWhereJsonThatCannotBeParsedBreaks() throws Exception {
        JsonNode answer = created("{\"planId\": 1,\n \"name\": \"Lobby\",,}");
        assertThat(answer.get("type").asString()).endsWith("/malformed-body");
        assertThat(answer.get("detail").asString()).contains("line 2");
        assertThat(answer.has("errors")).isFalse();
    }

    @Test
    void saysTheOneRefusedFieldsReasonInTheDetailAsWell() throws Exception {
        var response = mvc.perform(post("/api/v1/portal/redemptions")
                        .with(bearer(fixture.token(org.alice())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"\"}"))
                .andReturn()
                .getResponse();
        JsonNode answer = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(answer.get("detail").asString())
                .isEqualTo(answer.get("errors").get(0).get("detail").asString())
                .isEqualTo("Enter the coupon code of the licence to add.");
    }

    /**
     * docs/api.md: one item a field, and the field's reason as the detail when only one field is refused. A client's
     * or a plan's field that broke two of its checks was named twice, with "Some fields are not valid.", in an order
     * that changed between two identical requests.
     */
    @Test
    void namesAFieldThatBreaksTwoChecksOnceWithItsReasonAsTheDetail() throws Exception {
        String longAddress = "a".repeat(300) + "@example.com";
        String markupTooLong = "<b>" + "a".repeat(300) + "</b>";
        token = fixture.token(org.owner());
        for (java.util.function.Supplier<MockHttpServletRequestBuilder> request :
                java.util.List.<java.util.function.Supplier<MockHttpServletRequestBuilder>>of(
                        () -> patch("/api/v1/clients/" + org.alice().userId())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"email\": \"%s\"}".formatted(longAddress)),
                        () -> post("/api/v1/clients")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"%s\", \"email\": \"new@example.com\"}".formatted(markupTooLong)),
                        () -> post("/api/v1/plans")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"%s\", \"term\": \"P1M\", \"unitPrice\": \"1.00\"}"
                                        .formatted(markupTooLong)))) {
            java.util.Set<String> answers = new java.util.HashSet<>();
            for (int i = 0; i < 5; i++) {
                JsonNode answer = problem(request.get(), 422);
                assertThat(answer.get("errors")).hasSize(1);
                assertThat(answer.get("detail").asString())
                        .isEqualTo(answer.get("errors").get(0).get("detail").asString());
                answers.add(answer.get("detail").asString());
            }
            assertThat(answers).as("the same reason each time").hasSize(1);
        }
    }

    @Test
    void namesTheNameOfAPlanWhoseNameIsTaken() throws Exception {
        var response = mvc.perform(post("/api/v1/plans")
                        .with(bearer(fixture.token(org.owner())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"%s\", \"term\": \"P1M\", \"unitPrice\": \"5.00\"}"
                                .formatted(plan.name())))
                .andReturn()
                .getResponse();
        JsonNode answer = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(answer.get("type").asString()).endsWith("/conflict");
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(answer.get("errors").get(0).get("detail").asString())
                .isEqualTo(answer.get("detail").asString());
    }

    /**
     * A price that is a number but one the catalogue refuses got the pattern's "Enter a price such as 10.00.", where
     * the console says why: the API now says the catalogue's reason too, on creating and on changing a plan.
     */
    @Test
    void saysWhyAPlanPriceIsRefusedAsTheConsoleDoes() throws Exception {
        token = fixture.token(org.owner());
        var reasons = new java.util.LinkedHashMap<String, String>();
        reasons.put("-1", "The price cannot be negative.");
        reasons.put("1.001", "Prices in EUR have at most 2 decimals.");
        reasons.put("99999999", "Keep the price at most 1,000,000.");
        reasons.put("abc", "Enter a price such as 10.00.");
        reasons.put("1,5", "Enter a price such as 10.00.");
        reasons.put("1e3", "Enter a price such as 10.00.");
        for (var price : reasons.entrySet()) {
            for (var request : java.util.List.of(
                    post("/api/v1/plans")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"Priced\", \"term\": \"P1M\", \"unitPrice\": \"%s\"}"
                                    .formatted(price.getKey())),
                    patch("/api/v1/plans/{id}", plan.id())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"unitPrice\": \"%s\"}".formatted(price.getKey())))) {
                var response =
                        mvc.perform(request.with(bearer(token))).andReturn().getResponse();
                JsonNode answer = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
                assertThat(response.getStatus()).as(price.getKey()).isEqualTo(422);
                assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("unitPrice");
                assertThat(answer.get("errors").get(0).get("detail").asString())
                        .as(price.getKey())
                        .isEqualTo(price.getValue());
            }
        }
        String kept = mvc.perform(get("/api/v1/plans/{id}", plan.id()).with(bearer(token)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JSON.readTree(kept).get("unitPrice").get("amount").asString())
                .isEqualTo("10.00");
        String listed = mvc.perform(get("/api/v1/plans").with(bearer(token)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).doesNotContain("Priced");
    }

    @Test
    void namesAQueryParameterNotOfItsType() throws Exception {
        JsonNode answer = problem(get("/api/v1/licences?client=abc"), 400);
        assertThat(answer.get("type").asString()).endsWith("/bad-parameter");
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("client");
        assertThat(answer.get("detail").asString()).contains("client").contains("a whole number");

        JsonNode flag = problem(get("/api/v1/licences?expired=maybe"), 400);
        assertThat(flag.get("errors").get(0).get("field").asString()).isEqualTo("expired");
        assertThat(flag.get("detail").asString()).contains("true or false");
    }
}
