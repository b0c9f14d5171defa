package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The plan form marks every bad field of a submission, even a price that is not a number, and saves nothing. */
@IntegrationTest
class ConsolePlanFormIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    UserDetailsService users;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
    }

    MockHttpServletRequestBuilder planForm(String path, String name, String term, String price) {
        return post(path)
                .param("name", name)
                .param("term", term)
                .param("unitPrice", price)
                .with(user(users.loadUserByUsername(org.owner().email())))
                .with(csrf());
    }

    @Test
    void refusesCentsInACurrencyWithoutThem() throws Exception {
        TestOrganisation yen = organisations.create();
        var owner = user(users.loadUserByUsername(yen.owner().email()));
        mvc.perform(post("/settings")
                        .with(owner)
                        .with(csrf())
                        .param("name", "Yen shop")
                        .param("currency", "JPY")
                        .param("vatRate", "10")
                        .param("invoicePrefix", "INV")
                        .param("paymentTermsDays", "14")
                        .param("expiringSoonDays", "30"))
                .andExpect(redirectedUrl("/settings"));

        mvc.perform(post("/plans")
                        .param("name", "Monthly")
                        .param("term", "P1M")
                        .param("unitPrice", "1000.50")
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Prices in JPY have no decimals.")));
        assertThat(plans.plans(yen.owner())).isEmpty();

        mvc.perform(post("/plans")
                        .param("name", "Monthly")
                        .param("term", "P1M")
                        .param("unitPrice", "1000.00")
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/plans"));
        assertThat(plans.plans(yen.owner())).extracting(Plan::name).containsExactly("Monthly");
    }

    @Test
    void showsCentsInACurrencyWithoutThemBesideTheFormsOwnRefusals() throws Exception {
        TestOrganisation yen = organisations.create();
        jdbc.sql("update organisation set currency = 'JPY' where id = ?")
                .param(yen.id())
                .update();

        mvc.perform(post("/plans")
                        .param("name", "")
                        .param("term", "P1M")
                        .param("unitPrice", "1000.50")
                        .with(user(users.loadUserByUsername(yen.owner().email())))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name.")))
                .andExpect(content().string(containsString("Prices in JPY have no decimals.")));
        assertThat(plans.plans(yen.owner())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            abc                  | Enter a price such as 10.00.
            10,50                | Enter a price such as 10.00.
            1e3                  | Enter a price such as 10.00.
            ''                   | Enter a price per screen.
            -1                   | The price cannot be negative.
            10.005               | Enter a price with at most 2 decimals.
            1000000.01           | Keep the price at most 1,000,000.
            99999999999999999999 | Keep the price at most 1,000,000.
            """)
    void marksEveryBadFieldAtOnceWhateverIsWrongWithThePrice(String price, String message) throws Exception {
        for (String path : new String[] {"/plans", "/plans/" + plan.id()}) {
            FieldErrors.expectExactly(
                    mvc,
                    planForm(path, "n".repeat(300), "P0D", price),
                    Map.of(
                            "name", "Keep the name to 100 characters.",
                            "term", "Enter a term in months or years (1 month, 3 months, 1 year 6 months)",
                            "unitPrice", message));
        }
        assertThat(plans.plans(org.owner()))
                .singleElement()
                .satisfies(unchanged -> assertThat(unchanged).isEqualTo(plan));
    }

    @Test
    void savesAPlanAndShowsItsPriceForEditing() throws Exception {
        mvc.perform(planForm("/plans", "Yearly", "P1Y", " 100.5 ")).andExpect(redirectedUrl("/plans"));
        Plan yearly = plans.plans(org.owner()).stream()
                .filter(saved -> saved.name().equals("Yearly"))
                .findFirst()
                .orElseThrow();
        assertThat(yearly.unitPrice().formatted()).isEqualTo("€100.50");
        mvc.perform(get("/plans/{id}/edit", yearly.id())
                        .with(user(users.loadUserByUsername(org.owner().email()))))
                .andExpect(content().string(containsString("value=\"100.50\"")));
        mvc.perform(planForm("/plans/" + plan.id(), "Monthly", "P1M", "0")).andExpect(redirectedUrl("/plans"));
        assertThat(plans.plan(org.owner(), plan.id()).unitPrice().formatted()).isEqualTo("€0.00");
    }

    /**
     * The term box asked for an ISO-8601 period (P3M), which an account manager does not write. It takes and shows a
     * term in words, in the page's language, and still reads a period typed as before.
     */
    @Test
    void takesATermInWordsInEitherLanguageAndShowsItSo() throws Exception {
        mvc.perform(planForm("/plans", "Quarterly", "3 months", "27")).andExpect(redirectedUrl("/plans"));
        Plan quarterly = plans.plans(org.owner()).stream()
                .filter(saved -> saved.name().equals("Quarterly"))
                .findFirst()
                .orElseThrow();
        assertThat(quarterly.term()).isEqualTo(Period.ofMonths(3));

        var owner = user(users.loadUserByUsername(org.owner().email()));
        mvc.perform(get("/plans/{id}/edit", quarterly.id()).with(owner))
                .andExpect(content().string(containsString("value=\"3 months\"")))
                .andExpect(content().string(containsString("<option value=\"1 year\">")));
        mvc.perform(get("/plans/{id}/edit", quarterly.id()).with(owner).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("value=\"3 mois\"")));
        mvc.perform(get("/plans/new").with(owner)).andExpect(content().string(containsString("value=\"1 month\"")));

        mvc.perform(planForm("/plans/" + quarterly.id(), "Semester", "6 mois", "50"))
                .andExpect(redirectedUrl("/plans"));
        assertThat(plans.plan(org.owner(), quarterly.id()).term()).isEqualTo(Period.ofMonths(6));
        mvc.perform(planForm("/plans/" + quarterly.id(), "Yearly", "P1Y", "100"))
                .andExpect(redirectedUrl("/plans"));
        assertThat(plans.plan(org.owner(), quarterly.id()).term()).isEqualTo(Period.ofYears(1));
    }
}
