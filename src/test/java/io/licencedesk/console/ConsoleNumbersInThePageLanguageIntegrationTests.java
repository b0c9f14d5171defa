package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Numbers typed as the page writes them are taken: "2,50" and "1 000" on a French page, "1,000" on an English one;
 * and the forms show decimals as their page writes them. "2,50" on an English page stays refused
 * (ConsolePlanFormIntegrationTests), as it could mean 250.
 */
@IntegrationTest
class ConsoleNumbersInThePageLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    AccountManagement accounts;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
    }

    MockHttpServletRequestBuilder asOwner(MockHttpServletRequestBuilder request, String language) {
        return request.header("Accept-Language", language)
                .with(fixture.signedIn(org.owner().email()))
                .with(csrf());
    }

    @Test
    void aFrenchPriceWithADecimalCommaIsTakenAndShownBackWithIt() throws Exception {
        mvc.perform(asOwner(post("/plans"), "fr")
                        .param("name", "Hebdo")
                        .param("term", "P7D")
                        .param("unitPrice", " 2,50 "))
                .andExpect(redirectedUrl("/plans"));
        Plan weekly = plans.plans(org.owner()).stream()
                .filter(plan -> plan.name().equals("Hebdo"))
                .findFirst()
                .orElseThrow();
        assertThat(weekly.unitPrice().amount()).isEqualByComparingTo("2.50");

        mvc.perform(asOwner(post("/plans/" + weekly.id()), "fr")
                        .param("name", "Hebdo")
                        .param("term", "P7D")
                        .param("unitPrice", "1 234,5"))
                .andExpect(redirectedUrl("/plans"));
        assertThat(plans.plan(org.owner(), weekly.id()).unitPrice().amount()).isEqualByComparingTo("1234.50");

        assertThat(value("/plans/" + weekly.id() + "/edit", "fr", "#unitPrice")).isEqualTo("1234,50");
        assertThat(value("/plans/" + weekly.id() + "/edit", "en", "#unitPrice")).isEqualTo("1234.50");
    }

    @Test
    void aFrenchVatRateWithADecimalCommaIsTaken() throws Exception {
        mvc.perform(asOwner(post("/settings"), "fr")
                        .param("name", "Boutique")
                        .param("currency", "EUR")
                        .param("vatRate", "5,5")
                        .param("invoicePrefix", "FAC")
                        .param("paymentTermsDays", "30")
                        .param("expiringSoonDays", "30"))
                .andExpect(redirectedUrl("/settings"));
        assertThat(accounts.organisation(org.owner()).vatRate()).isEqualByComparingTo(new BigDecimal("5.5"));
        assertThat(value("/settings", "fr", "#vatRate")).isEqualTo("5,50");
    }

    @Test
    void screensGroupedByThousandsAreTakenAsEachLanguageGroupsThem() throws Exception {
        // Written as the page's own help writes the limit: "De 1 à 10 000", "from 1 to 10,000".
        Map<String, String> typed = Map.of("fr", "1 000", "en", "2,000");
        for (var language : typed.entrySet()) {
            mvc.perform(asOwner(post("/licences"), language.getKey())
                            .param("planId", "" + monthly.id())
                            .param("name", "Hall " + language.getKey())
                            .param("quantity", language.getValue()))
                    .andExpect(redirectedUrl("/licences"));
        }
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .rows())
                .extracting(row -> row.name() + " " + row.quantity())
                .containsExactlyInAnyOrder("Hall fr 1000", "Hall en 2000");
    }

    String value(String path, String language, String selector) throws Exception {
        String html = mvc.perform(asOwner(get(path), language))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html).selectFirst(selector).val();
    }
}
