package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A price sent as a JSON number ({@code "unitPrice": 180}) was "The field unitPrice must be text in double quotes",
 * with no word of the format: the problem now says it is an amount and shows the number as it should be sent, in the
 * currency's decimals ({@code "180.00"} in euros, {@code "180"} in yen), in its detail and in the field's error
 * (decision 0153). The only amounts a request takes are a plan's unit price, on create and on PATCH.
 */
@IntegrationTest
class AmountsSentAsNumbersIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan plan;
    String owner;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        owner = fixture.token(org.owner());
    }

    JsonNode refused(MockHttpServletRequestBuilder request, String json) throws Exception {
        MockHttpServletResponse answer = mvc.perform(request.with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        String raw = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).as(raw).isEqualTo(400);
        JsonNode problem = JSON.readTree(raw);
        assertThat(problem.get("type").asString()).endsWith("/malformed-body");
        assertThat(problem.get("errors").size()).isEqualTo(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("unitPrice");
        assertThat(problem.get("errors").get(0).get("detail").asString())
                .isEqualTo(problem.get("detail").asString());
        return problem;
    }

    static String example(String amount) {
        return "The field unitPrice is an amount: send it as text in double quotes, with the currency's decimals, such"
                + " as \"" + amount + "\" (values are never converted).";
    }

    long plans() {
        return jdbc.sql("select count(*) from plan where organisation_id = ?")
                .param(org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aPriceSentAsANumberIsAnsweredWithTheNumberWrittenAsTheApiTakesIt() throws Exception {
        String create = "{\"name\": \"Yearly\", \"term\": \"P1Y\", \"unitPrice\": %s}";
        assertThat(refused(post("/api/v1/plans"), create.formatted("180"))
                        .get("detail")
                        .asString())
                .isEqualTo(example("180.00"));
        assertThat(refused(post("/api/v1/plans"), create.formatted("180.5"))
                        .get("detail")
                        .asString())
                .isEqualTo(example("180.50"));
        assertThat(refused(post("/api/v1/plans"), create.formatted("1e3"))
                        .get("detail")
                        .asString())
                .isEqualTo(example("1000.00"));
        assertThat(refused(post("/api/v1/plans"), create.formatted("9.999"))
                        .get("detail")
                        .asString())
                .isEqualTo(example("9.999"));
        assertThat(refused(patch("/api/v1/plans/" + plan.id()), "{\"unitPrice\": 12}")
                        .get("detail")
                        .asString())
                .isEqualTo(example("12.00"));
        assertThat(plans()).isEqualTo(1);
        assertThat(jdbc.sql("select unit_price_minor from plan where id = ?")
                        .param(plan.id())
                        .query(Long.class)
                        .single())
                .isNotEqualTo(1200L);
    }

    @Test
    void inACurrencyWithoutDecimalsTheExampleHasNone() throws Exception {
        jdbc.sql("update organisation set currency = 'JPY' where id = ?")
                .param(org.id())
                .update();
        assertThat(refused(post("/api/v1/plans"), "{\"name\": \"Yearly\", \"term\": \"P1Y\", \"unitPrice\": 1800}")
                        .get("detail")
                        .asString())
                .isEqualTo(example("1800"));
    }

    @Test
    void aPriceOfAnotherWrongTypeIsStillTextInDoubleQuotesAndAPriceAsTextIsTaken() throws Exception {
        assertThat(refused(post("/api/v1/plans"), "{\"name\": \"Yearly\", \"term\": \"P1Y\", \"unitPrice\": true}")
                        .get("detail")
                        .asString())
                .isEqualTo("The field unitPrice must be text in double quotes (values are never converted).");
        MockHttpServletResponse created = mvc.perform(post("/api/v1/plans")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Yearly\", \"term\": \"P1Y\", \"unitPrice\": \"180.00\"}"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(JSON.readTree(created.getContentAsString(StandardCharsets.UTF_8))
                        .get("unitPrice")
                        .get("amount")
                        .asString())
                .isEqualTo("180.00");
    }
}
