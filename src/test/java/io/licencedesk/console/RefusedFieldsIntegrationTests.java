package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refused field says so itself ({@code aria-invalid="true"}): a screen reader hears it, and the keyboard starts at
 * the first one. The plan, settings, payment, renewal and webhook forms marked refused fields only in colour.
 */
@IntegrationTest
class RefusedFieldsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    record Refusal(String path, Map<String, String> fields, Set<String> refused) {}

    @Test
    void everyRefusedFieldOfTheOwnersFormsIsMarkedInvalidAndNoOtherIs() throws Exception {
        TestOrganisation org = fixture.organisation();
        List<Refusal> refusals = List.of(
                new Refusal(
                        "/plans", Map.of("name", "", "term", "P1M", "unitPrice", "abc"), Set.of("name", "unitPrice")),
                new Refusal(
                        "/settings",
                        Map.of(
                                "name", "x".repeat(201),
                                "currency", "EUR",
                                "vatRate", "-5",
                                "invoicePrefix", "INV",
                                "paymentTermsDays", "abc",
                                "expiringSoonDays", "30"),
                        Set.of("name", "vatRate", "paymentTermsDays")),
                new Refusal("/settings/payment", Map.of("iban", "FR00 0000"), Set.of("iban")),
                new Refusal(
                        "/settings/renewals",
                        Map.of("renewalInvoiceDays", "0", "overdueReminderDays", "7", "overduePauseDays", "14"),
                        Set.of("renewalInvoiceDays")),
                new Refusal(
                        "/settings/webhooks", Map.of("url", "", "description", "", "allTypes", "true"), Set.of("url")),
                new Refusal("/clients", Map.of("name", "", "email", "not an address"), Set.of("name", "email")),
                new Refusal("/people", Map.of("name", "Dana", "email", "", "role", "MANAGER"), Set.of("email")));

        List<String> wrong = new ArrayList<>();
        for (Refusal refusal : refusals) {
            var request =
                    post(refusal.path()).with(fixture.signedIn(org.owner())).with(csrf());
            refusal.fields().forEach(request::param);
            Document page =
                    Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
            Element form = page.selectFirst("form[method=post][action=" + refusal.path() + "]");
            if (form == null) {
                wrong.add(refusal.path() + ": no form in the answer");
                continue;
            }
            for (Element field : form.select("input[name], textarea[name], select[name]")) {
                String name = field.attr("name");
                if (name.startsWith("_") || field.attr("type").equals("hidden")) {
                    continue;
                }
                boolean marked = "true".equals(field.attr("aria-invalid"));
                if (marked != refusal.refused().contains(name)) {
                    wrong.add(refusal.path() + " " + name + (marked ? " is marked invalid" : " is not marked invalid"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
