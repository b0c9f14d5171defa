package io.licencedesk.licence;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A week typed as P1W (kept as P7D) and a month and a day (P1M1D) were taken as plan terms, by the console and the
 * API. The catalogue refuses them now, so that every channel refuses alike, with the same words, and nothing is saved.
 */
@IntegrationTest
class PlanTermsIntegrationTests {

    static final String REFUSAL = "Enter a term in months or years (P1M, P3M, P1Y, P1Y6M) or in days alone";

    /** The console's words: its form reads and shows terms as people write them ("3 months"). */
    static final String CONSOLE_REFUSAL =
            "Enter a term in months or years (1 month, 3 months, 1 year 6 months) or in days alone";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1W", "P1M1D", "P3653D"})
    void theApiRefusesATermThePlansDoNotSupport(String term) throws Exception {
        String token = fixture.token(org.owner());
        var created = mvc.perform(post("/api/v1/plans")
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Odd\", \"term\": \"" + term + "\", \"unitPrice\": \"5.00\"}"))
                .andReturn()
                .getResponse();
        var changed = mvc.perform(patch("/api/v1/plans/{id}", monthly.id())
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"term\": \"" + term + "\"}"))
                .andReturn()
                .getResponse();

        for (var answer : new org.springframework.mock.web.MockHttpServletResponse[] {created, changed}) {
            assertThat(answer.getStatus()).isEqualTo(422);
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"field\":\"term\"")
                    .contains(REFUSAL);
        }
        assertThat(plans.plans(org.owner())).containsExactly(monthly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1W", "P1M1D", "1 week", "1 month 1 day"})
    void theConsoleRefusesItBesideTheField(String term) throws Exception {
        String page = mvc.perform(post("/plans")
                        .param("name", "Odd")
                        .param("term", term)
                        .param("unitPrice", "5.00")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains(CONSOLE_REFUSAL);
        assertThat(plans.plans(org.owner())).containsExactly(monthly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M1D", "P1Y1D", "P3653D", "P11Y"})
    void theCatalogueRefusesItWhicheverChannelAsks(String term) {
        var odd = new NewPlan("Odd", Period.parse(term), new BigDecimal("5.00"));

        assertThatThrownBy(() -> plans.addPlan(org.owner(), odd))
                .isInstanceOfSatisfying(
                        InvalidLicenceException.class,
                        refused -> assertThat(refused.field()).isEqualTo("term"));
        assertThatThrownBy(() -> plans.updatePlan(org.owner(), monthly.id(), odd))
                .isInstanceOf(InvalidLicenceException.class);
        assertThat(plans.plans(org.owner())).containsExactly(monthly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P7D", "P1Y6M"})
    void daysAloneAndYearsWithMonthsAreTaken(String term) {
        var plan = plans.addPlan(org.owner(), new NewPlan("Plan " + term, Period.parse(term), new BigDecimal("5.00")));

        assertThat(plan.term()).isEqualTo(Period.parse(term));
    }

    /**
     * A plan made with such a term before it was refused keeps it while its name or price changes: the refusal would
     * otherwise force a new term on every renewal of its licences to change a price.
     */
    @org.junit.jupiter.api.Test
    void aPlanMadeBeforeKeepsItsTermWhileItsPriceChanges() throws Exception {
        jdbc.sql("update plan set term = 'P1M1D' where id = ?")
                .param(monthly.id())
                .update();
        String token = fixture.token(org.owner());

        for (String body : new String[] {"{\"unitPrice\": \"12.00\"}", "{\"term\": \"p1m1d\", \"name\": \"Old\"}"}) {
            var changed = mvc.perform(patch("/api/v1/plans/{id}", monthly.id())
                            .with(bearer(token))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse();
            assertThat(changed.getStatus()).as(body).isEqualTo(200);
        }
        Plan kept = plans.plan(org.owner(), monthly.id());
        assertThat(kept.term()).isEqualTo(Period.parse("P1M1D"));
        assertThat(kept.unitPrice().amount()).isEqualByComparingTo("12.00");

        var moved = mvc.perform(patch("/api/v1/plans/{id}", monthly.id())
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"term\": \"P2M1D\"}"))
                .andReturn()
                .getResponse();
        assertThat(moved.getStatus()).isEqualTo(422);
        assertThatThrownBy(() -> plans.updatePlan(
                        org.owner(), monthly.id(), new NewPlan("Old", Period.parse("P2M1D"), new BigDecimal("12.00"))))
                .isInstanceOf(InvalidLicenceException.class);
        assertThat(plans.plan(org.owner(), monthly.id()).term()).isEqualTo(Period.parse("P1M1D"));
    }

    /**
     * The console's plan form refused a plan's own term, made before decision 0083, when only its price changed: the
     * owner could not change the price without changing the term. It keeps the term now, as the API does, and still
     * refuses moving a plan to such a term, beside the price's own refusal.
     */
    @org.junit.jupiter.api.Test
    void theConsoleKeepsAPlansOwnTermWhileItsPriceChanges() throws Exception {
        jdbc.sql("update plan set term = 'P1M1D' where id = ?")
                .param(monthly.id())
                .update();

        String form = mvc.perform(get("/plans/{id}/edit", monthly.id()).with(fixture.signedIn(org.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("value=\"1 month 1 day\"");

        // Left as the form shows it, in words, or typed as its period.
        for (String shown : new String[] {"1 month 1 day", "P1M1D"}) {
            var changed = mvc.perform(post("/plans/{id}", monthly.id())
                            .param("name", monthly.name())
                            .param("term", shown)
                            .param("unitPrice", "12.00")
                            .with(fixture.signedIn(org.owner()))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(changed.getStatus()).as(shown).isEqualTo(302);
        }
        Plan kept = plans.plan(org.owner(), monthly.id());
        assertThat(kept.term()).isEqualTo(Period.parse("P1M1D"));
        assertThat(kept.unitPrice().amount()).isEqualByComparingTo("12.00");

        String refused = mvc.perform(post("/plans/{id}", monthly.id())
                        .param("name", monthly.name())
                        .param("term", "P2M1D")
                        .param("unitPrice", "-1")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains(CONSOLE_REFUSAL).containsPattern("id=\"unitPrice-error\">\\s*\\S");
        assertThat(plans.plan(org.owner(), monthly.id())).isEqualTo(kept);
    }
}
