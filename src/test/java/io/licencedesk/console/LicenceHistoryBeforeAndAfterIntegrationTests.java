package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 11: every edit appears in the licence's history with before → after. Assigning an Available licence showed
 * only its new client ("Client: Alice"), making it Available again only the old one struck out, adding or removing a
 * note only one side (decision 0168). This walks every kind of change a licence's fields take, through the console's
 * form, the REST API, the portal and the façade, and reads each change's line on the licence's page in English and
 * in French: a field, one value before, an arrow, one value after ("none" for a side without one).
 */
@IntegrationTest
class LicenceHistoryBeforeAndAfterIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    Plan monthly;
    Plan yearly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
    }

    /** One kind of change, made on a licence, with the fields (in English) its history line must show both sides of. */
    record Step(String kind, long licenceId, List<String> fields) {}

    @Test
    void everyKindOfEditShowsEachFieldBeforeAndAfterInEnglishAndFrench() throws Exception {
        long alice = org.alice().userId();
        long bob = org.bob().userId();
        long lobby = available("Lobby");
        List<Step> steps = new ArrayList<>();

        form(lobby, "clientId", "" + alice);
        steps.add(check("assigned on the console", lobby, "Client", "Status"));
        api(lobby, "{\"clientId\": " + bob + "}");
        steps.add(check("moved through the API", lobby, "Client"));
        form(lobby, "clientId", "");
        steps.add(check("made Available again, under a new code", lobby, "Client", "Coupon code", "Status"));
        api(lobby, "{\"clientId\": " + alice + "}");
        steps.add(check("assigned through the API", lobby, "Client", "Status"));
        form(lobby, "clientId", "" + alice, "name", "Hall");
        steps.add(check("renamed on the console", lobby, "Name"));
        api(lobby, "{\"name\": \"Foyer\"}");
        steps.add(check("renamed through the API", lobby, "Name"));
        form(lobby, "clientId", "" + alice, "name", "Foyer", "note", "By the door");
        steps.add(check("a note added on the console", lobby, "Note"));
        api(lobby, "{\"note\": \"By the window\"}");
        steps.add(check("a note changed through the API", lobby, "Note"));
        api(lobby, "{\"note\": null}");
        steps.add(check("a note removed through the API", lobby, "Note"));
        form(lobby, "clientId", "" + alice, "name", "Foyer", "quantity", "4");
        steps.add(check("screens on the console", lobby, "Screens"));
        api(lobby, "{\"planId\": " + yearly.id() + "}");
        steps.add(check("plan through the API", lobby, "Plan", "Term", "Price per screen"));
        licences.chooseAutoRenew(org.manager(), lobby, true);
        steps.add(check("renewing chosen", lobby, "Renews by itself"));
        licences.pause(org.manager(), lobby);
        steps.add(check("paused", lobby, "Status"));
        licences.resume(org.manager(), lobby);
        steps.add(check("resumed", lobby, "Status"));

        LicenceDetails shop = licences.create(org.manager(), new NewLicence(monthly.id(), "Shop", null, 1, null));
        mvc.perform(post("/portal/redeem")
                        .param("code", shop.couponCode().value())
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        steps.add(check("redeemed by a client", shop.id(), "Client", "Status", "Activated", "Ends"));

        assertThat(steps).extracting(Step::kind).hasSize(15);
    }

    /**
     * The same line wherever the history is shown: the audit log and the client's page read it through the same
     * fragment, given whether the licence was there before and after.
     */
    @Test
    void anAssignmentShowsNoneBeforeTheClientOnTheAuditLogAndTheClientsPage() throws Exception {
        long lobby = available("Lobby");
        form(lobby, "clientId", "" + org.alice().userId());
        String alice = who(org.alice());

        for (String page : List.of("/audit", "/clients/" + org.alice().userId())) {
            assertThat(line(newestRow(page, "en"), "Client")).isEqualTo("Client: none → " + alice);
            assertThat(line(newestRow(page, "fr"), "Client")).isEqualTo("Client : aucun → " + alice);
        }
        assertThat(line(newestEntry(lobby, "en"), "Client")).isEqualTo("Client: none → " + alice);
        assertThat(line(newestEntry(lobby, "fr"), "Client")).isEqualTo("Client : aucun → " + alice);
        form(lobby, "clientId", "");
        assertThat(line(newestEntry(lobby, "en"), "Client")).isEqualTo("Client: " + alice + " → none");
        assertThat(line(newestEntry(lobby, "fr"), "Client")).isEqualTo("Client : " + alice + " → aucun");
    }

    /** A creation shows what it made, without "none" before each field: there was no licence. */
    @Test
    void aCreationInTheAuditLogShowsOnlyWhatItMade() throws Exception {
        available("Lobby");

        Element created = newestRow("/audit", "en");
        assertThat(created.select("ul.changes > li")).isNotEmpty();
        assertThat(created.select(".history-none")).isEmpty();
        assertThat(created.text()).doesNotContain("→");
    }

    private long available(String name) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), name, null, 3, null))
                .id();
    }

    /** Saves the console's edit form with the licence's values but those given. */
    private void form(long id, String... fieldsAndValues) throws Exception {
        LicenceDetails now = licences.details(org.manager(), id);
        var fields = new LinkedHashMap<String, String>();
        fields.put("planId", "" + now.plan().id());
        fields.put("name", now.name());
        fields.put("note", now.note() == null ? "" : now.note());
        fields.put("quantity", "" + now.quantity());
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        var edit = post("/licences/{id}/edit", id)
                .with(fixture.signedIn(org.manager()))
                .with(csrf());
        fields.forEach(edit::param);
        mvc.perform(edit).andExpect(status().isFound());
    }

    private ResultActions api(long id, String json) throws Exception {
        return mvc.perform(patch("/api/v1/licences/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json)
                        .with(TestFixture.bearer(fixture.token(org.manager()))))
                .andExpect(status().isOk());
    }

    /**
     * The newest entry of the licence's history, in both languages: each of its lines shows a value (or "none")
     * before, an arrow and one after, and it has a line for each field given.
     */
    private Step check(String kind, long licenceId, String... fields) throws Exception {
        for (String language : List.of("en", "fr")) {
            Element entry = newestEntry(licenceId, language);
            Elements lines = entry.select("ul.changes > li");
            assertThat(lines).as(kind + " (" + language + ")").isNotEmpty();
            for (Element line : lines) {
                assertThat(line.select("del, ins, .history-none"))
                        .as(kind + " (" + language + "): " + line.text())
                        .hasSize(2);
                assertThat(line.select("del, .history-none").first().elementSiblingIndex())
                        .as(kind + " (" + language + "): before, then after: " + line.text())
                        .isLessThan(line.select("ins, .history-none").last().elementSiblingIndex());
                assertThat(line.text()).as(kind + " (" + language + ")").contains(" → ");
            }
        }
        Element english = newestEntry(licenceId, "en");
        for (String field : fields) {
            assertThat(line(english, field)).as(kind + ": a line for " + field).isNotNull();
        }
        return new Step(kind, licenceId, List.of(fields));
    }

    private Element newestEntry(long licenceId, String language) throws Exception {
        return Jsoup.parse(page("/licences/" + licenceId, language))
                .select("li.history-entry")
                .first();
    }

    private Element newestRow(String path, String language) throws Exception {
        return Jsoup.parse(page(path, language)).select("tr.audit-entry").first();
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language).with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the entry's line for a field ("Client: none → Alice …"), spaces as spaces, or null. */
    private static String line(Element entry, String field) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Element line : entry.select("ul.changes > li")) {
            String text = line.text().replace('\u00a0', ' ');
            lines.put(text.substring(0, text.indexOf(':')).strip(), text);
        }
        return lines.get(field);
    }

    /** A client as the history names them. */
    private static String who(Caller client) {
        return client.name() + " <" + client.email() + ">";
    }
}
