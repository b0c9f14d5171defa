package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditEntry;
import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.audit.AuditSubject;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.renewals.RenewalCycle;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The audit log as browsers and programs meet it: changes made through the console, the portal, the REST API and
 * the sign-in page are recorded with the address they came from; the page filters and pages them and explains bad
 * filters; its CSV is what the page shows; and only the organisation's staff see it.
 */
@IntegrationTest
class ConsoleAuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestLicences testLicences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    RenewalCycle cycle;

    TestOrganisation org;
    Plan monthly;
    RequestPostProcessor manager;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        manager = fixture.signedIn(org.manager());
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    LicenceDetails licence(String name) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), name, null, 1, null));
    }

    List<AuditEntry> entries(AuditSubject subject, String action) {
        return log.page(
                        org.owner(),
                        new AuditFilter(null, subject, action, null, null, null),
                        AuditPageRequest.first(50))
                .entries();
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * What the renewal cycle does is the system's, as the pages, the API and the CSV file say it: "LicenceDesk
     * (automatic)" in the reader's language, no actor in the API's history, an empty "who" in the file. Its name was
     * recorded as if it were an e-mail, in English, so a French page showed "LicenceDesk (automatic)" and the API's
     * actor was that text.
     */
    @Test
    void theRenewalCyclesChangesAreTheSystemsInEveryLanguageAndTheApi() throws Exception {
        Plan renewing =
                plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00"), true));
        LocalDate ends = testLicences.today().plusDays(5);
        long licence = testLicences.activated(
                org.owner(), renewing, org.alice().userId(), "Renews", ends.minus(renewing.term()));

        cycle.run(org.id());

        AuditEntry renewed = entries(AuditSubject.LICENCE, "RENEWED").get(0);
        assertThat(renewed.actorEmail()).as("no person").isNull();
        String french = mvc.perform(get("/audit")
                        .param("what", "LICENCE.RENEWED")
                        .with(manager)
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).contains("LicenceDesk (automatique)").doesNotContain("LicenceDesk (automatic)");
        mvc.perform(get("/licences/{id}", licence).with(manager).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LicenceDesk (automatique)")))
                .andExpect(content().string(not(containsString("Un écran (API des appareils)"))));
        mvc.perform(get("/api/v1/licences/{id}/history", licence)
                        .with(TestFixture.bearer(fixture.token(org.manager()))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("automatic"))));
    }

    @Test
    void recordsTheAddressOfTheConsoleThePortalAndTheApiRequestThatMadeEachChange() throws Exception {
        LicenceDetails lobby = licence("Lobby");
        LicenceDetails bar = licence("Bar");

        mvc.perform(post("/licences/{id}/pause", lobby.id())
                        .with(manager)
                        .with(csrf())
                        .with(from("198.51.100.23")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/licences/{id}/pause", bar.id())
                        .with(TestFixture.bearer(fixture.token(org.owner())))
                        .with(from("2001:db8::24")))
                .andExpect(status().isOk());
        mvc.perform(post("/portal/redeem")
                        .param("code", "zz99-zz99")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf())
                        .with(from("198.51.100.25")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/portal/redemptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"YY88YY88\"}")
                        .with(TestFixture.bearer(fixture.token(org.bob())))
                        .with(from("198.51.100.26")))
                .andExpect(status().isUnprocessableContent());

        assertThat(entries(AuditSubject.LICENCE, "PAUSED"))
                .extracting(AuditEntry::subjectId, AuditEntry::actorEmail, AuditEntry::address)
                .containsExactly(
                        tuple(bar.id(), org.owner().email(), "2001:db8::24"),
                        tuple(lobby.id(), org.manager().email(), "198.51.100.23"));
        assertThat(entries(AuditSubject.COUPON_CODE, "REFUSED"))
                .extracting(AuditEntry::subjectLabel, AuditEntry::actorEmail, AuditEntry::address)
                .containsExactly(
                        tuple("YY******", org.bob().email(), "198.51.100.26"),
                        tuple("ZZ******", org.alice().email(), "198.51.100.25"));
    }

    @Test
    void recordsSignInsAndFailedSignInsOfTheOrganisationsAccountsWithoutThePasswordTried() throws Exception {
        mvc.perform(post("/login")
                        .param("email", org.manager().email().toUpperCase())
                        .param("password", TestOrganisation.PASSWORD)
                        .with(csrf())
                        .with(from("198.51.100.31")))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login")
                        .param("email", org.alice().email())
                        .param("password", "Guessed-Secret-77")
                        .with(csrf())
                        .with(from("198.51.100.32")))
                .andExpect(redirectedUrl("/login?failed"));
        String stranger = "nobody-" + org.id() + "@example.test";
        mvc.perform(post("/login")
                        .param("email", stranger)
                        .param("password", "Guessed-Secret-78")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?failed"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic(org.owner().email(), TestOrganisation.PASSWORD)))
                .andExpect(status().isOk());

        assertThat(entries(AuditSubject.USER, "SIGNED_IN"))
                .as("the metrics scraper's HTTP Basic requests are not sign-ins")
                .singleElement()
                .satisfies(signedIn -> {
                    assertThat(signedIn.actorEmail()).isEqualTo(org.manager().email());
                    assertThat(signedIn.address()).isEqualTo("198.51.100.31");
                    assertThat(signedIn.subjectId()).isEqualTo(org.manager().userId());
                });
        assertThat(entries(AuditSubject.USER, "SIGN_IN_FAILED")).singleElement().satisfies(failed -> {
            assertThat(failed.actorEmail()).isEqualTo(org.alice().email());
            assertThat(failed.address()).isEqualTo("198.51.100.32");
            assertThat(failed.subjectLabel()).isEqualTo(org.alice().email());
            assertThat(failed.changes())
                    .singleElement()
                    .satisfies(change -> assertThat(change.after()).isEqualTo("wrong password"));
        });
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where actor_email = :stranger or coalesce(after_state, '') like '%Guessed-Secret%'
                           or coalesce(before_state, '') like '%Guessed-Secret%'
                        """).param("stranger", stranger).query(Long.class).single())
                .as("an unknown e-mail is no organisation's, and no password is kept")
                .isZero();
    }

    @Test
    void showsWhoWhenWhereWhatObjectAndChangesWithALinkToTheObject() throws Exception {
        LicenceDetails lobby = licence("Lobby");
        mvc.perform(post("/licences/{id}/pause", lobby.id())
                        .with(manager)
                        .with(csrf())
                        .with(from("198.51.100.40")))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/audit").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit log")))
                .andExpect(content().string(containsString(org.manager().email())))
                .andExpect(content().string(containsString("198.51.100.40")))
                .andExpect(content().string(containsString("href=\"/licences/" + lobby.id() + "\"")))
                .andExpect(content()
                        .string(containsString("Lobby (" + lobby.couponCode().value() + ")")))
                .andExpect(content().string(containsString("<del>Available</del>")))
                .andExpect(content().string(containsString("<ins>Paused</ins>")))
                .andExpect(content().string(containsString("href=\"/audit\"")));
    }

    /**
     * A deleted licence's entries linked to its page, which answers 404: each names it without a link and says it no
     * longer exists; a licence still there keeps its link.
     */
    @Test
    void namesADeletedLicenceWithoutALinkToItsPageThatIsGone() throws Exception {
        LicenceDetails gone = licence("Gone lobby");
        LicenceDetails kept = licence("Kept lobby");
        licences.pause(org.manager(), gone.id());
        licences.delete(org.manager(), gone.id());
        mvc.perform(get("/licences/{id}", gone.id()).with(manager)).andExpect(status().isNotFound());

        Document page = Jsoup.parse(page("/audit"));

        List<Element> goneCells = page.select("tr.audit-entry > td:nth-child(4):contains(Gone lobby)");
        assertThat(goneCells).as("created, paused and deleted").hasSize(3);
        assertThat(goneCells).allSatisfy(cell -> {
            assertThat(cell.select("a")).isEmpty();
            assertThat(cell.select(".audit-deleted").text()).isEqualTo("(no longer exists)");
        });
        assertThat(page.select("a[href=/licences/" + kept.id() + "]")).hasSize(1);
        assertThat(page.select("tr.audit-entry:contains(Kept lobby) .audit-deleted"))
                .isEmpty();
        assertThat(page.select("a[href=/licences/" + gone.id() + "]")).isEmpty();

        String french = mvc.perform(get("/audit?lang=fr").with(manager))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(french).select(".audit-deleted").eachText()).containsOnly("(n’existe plus)");
    }

    @Test
    void filtersAndPagesThroughItsLinksKeepingTheFilters() throws Exception {
        for (int i = 1; i <= 60; i++) {
            licence("Screen " + i);
        }
        licence("Kiosk");

        String first = page("/audit?what=LICENCE.CREATED&object=screen");
        assertThat(first)
                .doesNotContain("Kiosk")
                .contains("Screen 60 (")
                .contains("Screen 11 (")
                .doesNotContain("Screen 10 (");
        String older = link(first, "Older ›");
        assertThat(older)
                .contains("what=LICENCE.CREATED")
                .contains("object=screen")
                .contains("after=");
        String second = page(older);
        assertThat(second).contains("Screen 10 (").contains("Screen 1 (").doesNotContain("Screen 11 (");
        // The last page's Older is no link at all (not a Tab stop), announced as disabled.
        assertThat(second)
                .doesNotContainPattern("href=\"[^\"]*\"[^>]*>Older ›<")
                .contains("<span class=\"page-link\" aria-disabled=\"true\">Older ›</span>");
        String newer = link(second, "‹ Newer");
        assertThat(page(newer)).contains("Screen 60 (").contains("Screen 11 (").doesNotContain("Screen 10 (");
        assertThat(page("/audit?what=PLAN")).contains("Monthly").doesNotContain("Screen 1 (");
    }

    /**
     * A licence with nothing in its history (the demo's, written before the audit trail) showed an empty History card;
     * it says so, as the client page does. One with entries does not.
     */
    @Test
    void aLicencePageWithNothingInItsHistorySaysSo() throws Exception {
        long quiet =
                testLicences.activated(org.owner(), monthly, org.alice().userId(), "Quiet lobby", testLicences.today());

        assertThat(page("/licences/" + quiet)).contains("id=\"history-empty\"", "Nothing recorded yet.");
        assertThat(page("/licences/" + licence("Busy lobby").id())).doesNotContain("history-empty");
    }

    /** The href of the link with this text, unescaped. */
    static String link(String html, String text) {
        Matcher match = Pattern.compile("href=\"([^\"]*)\"[^>]*>" + Pattern.quote(text) + "<")
                .matcher(html);
        assertThat(match.find()).as("a link \"%s\"", text).isTrue();
        return HtmlUtils.htmlUnescape(match.group(1));
    }

    @Test
    void explainsBadFiltersBesideThemInsteadOfFailing() throws Exception {
        Map<List<String>, String> refusals = Map.of(
                List.of("from", "2026-13-45"), "Enter a date such as 2026-11-29.",
                List.of("to", "yesterday"), "Enter a date such as 2026-11-29.",
                List.of("from", "+999999999-12-31"), "Enter a date such as 2026-11-29.",
                List.of("from", "2026-05-02", "to", "2026-05-01"), "Choose a day on or after the first one.",
                List.of("what", "LICENCE.NOPE"), "Choose one of the listed changes.",
                List.of("after", "abc"), "This page link is not valid any more.",
                List.of("before", "99999999999999999999"), "This page link is not valid any more.",
                List.of("who", "x".repeat(255)), "Keep this to 254 characters.",
                List.of("object", "a\u0000b"), "Remove the control characters");
        for (String path : List.of("/audit", "/audit/export.csv")) {
            for (var refusal : refusals.entrySet()) {
                var request = get(path).with(manager);
                List<String> params = refusal.getKey();
                for (int i = 0; i < params.size(); i += 2) {
                    request.param(params.get(i), params.get(i + 1));
                }
                mvc.perform(request)
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                        .andExpect(content().string(containsString(HtmlUtils.htmlEscape(refusal.getValue()))));
            }
        }
        mvc.perform(get("/audit")
                        .param("from", "1999-01-01")
                        .param("to", "2999-12-31")
                        .param("what", "USER")
                        .param("who", "%_")
                        .with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No entries match these filters.")));
    }

    @Test
    void exportsTheFilteredLogAsThePageShowsItNeutralisingFormulas() throws Exception {
        licence("=HYPERLINK(\"http://x\")");
        for (int i = 1; i <= 55; i++) {
            licence("Screen " + i);
        }
        AuditFilter filter = new AuditFilter(null, AuditSubject.LICENCE, null, null, null, null);

        String file = mvc.perform(get("/audit/export.csv?what=LICENCE").with(manager))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        var rows = ConsoleExportIntegrationTests.rows(file);
        assertThat(ConsoleExportIntegrationTests.records(file).get(0).toList())
                .containsExactly(
                        "id", "time", "who", "address", "object_type", "object_id", "object", "action", "changes");
        List<AuditEntry> shown = new ArrayList<>();
        var page = log.page(org.manager(), filter, AuditPageRequest.first(50));
        shown.addAll(page.entries());
        page = log.page(org.manager(), filter, new AuditPageRequest(page.nextCursor(), null, false, 50));
        shown.addAll(page.entries());
        assertThat(rows)
                .extracting(row -> Long.parseLong(row.get("id")))
                .containsExactlyElementsOf(shown.stream().map(AuditEntry::id).toList());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("who")).isEqualTo(org.manager().email());
            assertThat(row.get("object_type")).isEqualTo("licence");
            assertThat(row.get("action")).isEqualTo("created");
            assertThat(row.get("time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        });
        assertThat(rows.get(0).get("object")).startsWith("Screen 55 (");
        assertThat(rows.get(0).get("changes")).contains("name: → Screen 55").contains("status: → Available");
        assertThat(rows.get(55).get("object")).startsWith("'=HYPERLINK(");
    }

    /**
     * A client's page showed their newest 25 entries without saying there were older ones, and its link opened only
     * their account's entries (decision 0150). Past 25 it says so, and both its links open the log filtered to
     * everything about the client, whose pages keep the filter and show nobody else's entries.
     */
    @Test
    void aClientsPageLeadsToTheirWholeHistoryInTheLogPageByPage() throws Exception {
        long alice = org.alice().userId();
        long lobby = testLicences.activated(org.owner(), monthly, alice, "Lobby", testLicences.today());
        long bobs = testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob only", testLicences.today());
        assertThat(page("/clients/" + alice)).doesNotContain("older-history");
        for (int i = 0; i < 30; i++) {
            licences.pause(org.manager(), lobby);
            licences.resume(org.manager(), lobby);
            licences.pause(org.manager(), bobs);
            licences.resume(org.manager(), bobs);
        }

        String clientPage = page("/clients/" + alice);
        assertThat(clientPage)
                .contains(
                        "id=\"older-history\"",
                        "Only the newest 25 entries are shown here; older ones are in the audit log.");
        String all = link(clientPage, "See all of them in the audit log");
        assertThat(all).isEqualTo("/audit?client=" + alice);
        assertThat(link(clientPage, "Everything about them in the audit log")).isEqualTo(all);
        String french = mvc.perform(get("/clients/" + alice).with(manager).locale(java.util.Locale.FRENCH))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french)
                .contains("Seules les 25 entrées les plus récentes sont affichées ici")
                .contains("Les voir toutes dans le journal d’audit");

        String first = page(all);
        assertThat(first)
                .contains("Everything about " + HtmlUtils.htmlEscape(org.alice().name()))
                .contains("/licences/" + lobby + "\"")
                .doesNotContain("/licences/" + bobs + "\"")
                .contains("name=\"client\" value=\"" + alice + "\"");
        assertThat(Jsoup.parse(first).select("tr.audit-entry")).hasSize(50);
        String older = link(first, "Older ›");
        assertThat(older).contains("client=" + alice).contains("after=");
        String second = page(older);
        assertThat(Jsoup.parse(second).select("tr.audit-entry")).isNotEmpty();
        assertThat(second).contains("/licences/" + lobby + "\"").doesNotContain("/licences/" + bobs + "\"");
        assertThat(link(second, "‹ Newer")).contains("client=" + alice);
        assertThat(page("/audit?client=" + alice + "&what=LICENCE.PAUSED"))
                .contains("/licences/" + lobby + "\"")
                .doesNotContain("/licences/" + bobs + "\"");
        assertThat(mvc.perform(get("/audit/export.csv?client=" + alice).with(manager))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Lobby")
                .doesNotContain("Bob only");
    }

    @Test
    void theLogAboutAClientIsForTheirOrganisationsStaffOnly() throws Exception {
        long alice = org.alice().userId();
        licences.pause(
                org.manager(),
                testLicences.activated(org.owner(), monthly, alice, "Secret lobby", testLicences.today()));
        TestOrganisation other = organisations.create();
        String refusal = HtmlUtils.htmlEscape("This client is not one of your organisation's.");

        for (String path : List.of("/audit", "/audit/export.csv")) {
            mvc.perform(get(path).param("client", "" + alice)).andExpect(redirectedUrl("/login"));
            mvc.perform(get(path).param("client", "" + alice).with(fixture.signedIn(org.alice())))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path).param("client", "" + alice).with(fixture.signedIn(other.manager())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(refusal)))
                    .andExpect(content().string(not(containsString("Secret lobby"))));
            mvc.perform(get(path).param("client", "" + org.manager().userId()).with(manager))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(refusal)));
            mvc.perform(get(path).param("client", "Alice").with(manager))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(refusal)));
        }
        mvc.perform(get("/audit").param("client", "" + alice).with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Secret lobby")));
    }

    @Test
    void isForTheOrganisationsStaffOnly() throws Exception {
        LicenceDetails secret = licence("Secret lobby");
        TestOrganisation other = organisations.create();

        mvc.perform(get("/audit")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/audit/export.csv")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/audit").with(fixture.signedIn(org.alice()))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.csv").with(fixture.signedIn(org.alice())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(fixture.signedIn(org.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Secret lobby")));
        mvc.perform(get("/audit?object=" + secret.id()).with(fixture.signedIn(other.manager())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Secret lobby"))));
        mvc.perform(get("/audit/export.csv").with(fixture.signedIn(other.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Secret lobby"))))
                .andExpect(content().string(not(containsString(org.manager().email()))));
        mvc.perform(post("/audit").with(manager)).andExpect(status().isForbidden());
    }
}
