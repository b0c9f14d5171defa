package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Every text box of the console's forms stops the typing where the server refuses: its {@code maxlength} is the
 * {@code @Size(max)} of the form record the server validates the field with. A box could take 300 characters for a
 * 200-character name, and the person learnt of the limit only from the refusal.
 */
@IntegrationTest
class FormTextLimitsIntegrationTests {

    /** Text boxes whose server check is of their value (a number, a code, a term), not of their length. */
    private static final Set<String> CHECKED_BY_VALUE = Set.of(
            "PlanForm.term",
            "PlanForm.unitPrice",
            "SettingsForm.currency",
            "SettingsForm.vatRate",
            "SettingsForm.paymentTermsDays",
            "SettingsForm.expiringSoonDays",
            "RenewalSettingsForm.renewalInvoiceDays",
            "RenewalSettingsForm.overdueReminderDays",
            "RenewalSettingsForm.overduePauseDays",
            "LicenceForm.quantity");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    Webhooks webhooks;

    @Test
    void everyTextBoxOfEveryConsoleFormHasTheServersLengthLimit() throws Exception {
        TestOrganisation org = fixture.organisation();
        long planId = fixture.monthlyPlan(org).id();
        Map<String, Class<? extends Record>> pages = new LinkedHashMap<>();
        pages.put("/clients/new", AddClientForm.class);
        pages.put("/clients/" + org.alice().userId() + "/edit", AddClientForm.class);
        pages.put("/plans/new", PlanForm.class);
        pages.put("/plans/" + planId + "/edit", PlanForm.class);
        pages.put("/settings", SettingsForm.class);
        pages.put("/settings/payment", PaymentSettingsForm.class);
        pages.put("/settings/renewals", RenewalSettingsForm.class);
        pages.put("/settings/webhooks", WebhookEndpointForm.class);
        long endpointId = webhooks.register(
                        org.owner(), new NewEndpoint("https://203.0.113.7/hooks", null, true, Set.of()))
                .endpoint()
                .id();
        pages.put("/settings/webhooks/" + endpointId + "/edit", WebhookEndpointEditForm.class);
        pages.put("/people", InvitePersonForm.class);
        pages.put("/profile", StaffNameForm.class);
        pages.put("/licences/new", LicenceForm.class);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var page : pages.entrySet()) {
            Document html = Jsoup.parse(mvc.perform(get(page.getKey()).with(fixture.signedIn(org.owner())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            Class<? extends Record> form = page.getValue();
            for (RecordComponent field : form.getRecordComponents()) {
                Element box = html.selectFirst("form[method=post] input[name=" + field.getName()
                        + "], form[method=post] textarea[name=" + field.getName() + "]");
                if (box == null || !textBox(box)) {
                    continue;
                }
                String name = form.getSimpleName() + "." + field.getName();
                Size size = sizeOf(form, field);
                if (size != null) {
                    checked++;
                    if (!String.valueOf(size.max()).equals(box.attr("maxlength"))) {
                        wrong.add(page.getKey() + " " + name + ": maxlength '" + box.attr("maxlength")
                                + "', the server's limit " + size.max());
                    }
                } else if (!CHECKED_BY_VALUE.contains(name)) {
                    wrong.add(page.getKey() + " " + name + ": a text box with no length limit on the server");
                }
            }
        }
        webhooks.delete(org.owner(), endpointId); // nothing left for the dispatcher
        assertThat(wrong).isEmpty();
        assertThat(checked).as("text boxes with a limit, across the pages").isGreaterThanOrEqualTo(25);
    }

    private static boolean textBox(Element box) {
        return box.tagName().equals("textarea")
                || Set.of("", "text", "email", "url", "search", "tel").contains(box.attr("type"));
    }

    private static Size sizeOf(Class<?> form, RecordComponent field) throws NoSuchFieldException {
        return form.getDeclaredField(field.getName()).getAnnotation(Size.class);
    }
}
