package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceStatus;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.renewals.RenewalCycle;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Selecting licences, sending invoices and the invoice and outbox pages, with their refusals. */
@IntegrationTest
@MovableTime
class ConsoleInvoicingIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestLicences testLicences;

    @Autowired
    Renewals renewals;

    @Autowired
    RenewalCycle cycle;

    @Autowired
    RenewalPreferences preferences;

    TestOrganisation org;
    TestOrganisation other;
    Plan plan;
    List<Long> assigned = new ArrayList<>();
    long unassigned;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        plan = fixture.monthlyPlan(org);
        for (int i = 0; i < 21; i++) {
            assigned.add(licences.create(
                            org.manager(),
                            new NewLicence(
                                    plan.id(),
                                    "Screen " + i,
                                    null,
                                    1,
                                    org.alice().userId()))
                    .id());
        }
        unassigned = licences.create(org.manager(), new NewLicence(plan.id(), "Free", null, 1, null))
                .id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Spring Session keeps the session in the database and finds it by its cookie, as a browser would. */
    static final class Browser {
        Cookie session;

        MockHttpServletRequestBuilder carry(MockHttpServletRequestBuilder request) {
            return session == null ? request : request.cookie(session);
        }

        ResultActions perform(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
            ResultActions result = mvc.perform(carry(request));
            Cookie issued = result.andReturn().getResponse().getCookie("SESSION");
            if (issued != null) {
                session = issued;
            }
            return result;
        }
    }

    MockHttpServletRequestBuilder select(long id, boolean selected) {
        return post("/licences/selection")
                .param("id", "" + id)
                .param("selected", "" + selected)
                .with(fixture.signedIn(org.manager().email()))
                .with(csrf());
    }

    @Test
    void selectsAcrossRequestsRefusesTheTwentyFirstAndUnassignedAndSendsTheSelection() throws Exception {
        var browser = new Browser();
        for (int i = 0; i < 20; i++) {
            browser.perform(mvc, select(assigned.get(i), true))
                    .andExpect(jsonPath("$.error").value(nullValue()));
        }
        browser.perform(mvc, select(assigned.get(20), true))
                .andExpect(jsonPath("$.count").value(20))
                .andExpect(jsonPath("$.total").value("€200.00"))
                .andExpect(jsonPath("$.error").value(containsString("at most 20")));
        browser.perform(mvc, select(assigned.get(0), false))
                .andExpect(jsonPath("$.count").value(19));
        browser.perform(mvc, select(unassigned, true))
                .andExpect(jsonPath("$.count").value(19))
                .andExpect(jsonPath("$.error").value(containsString("assigned to a client")));
        browser.perform(
                        mvc,
                        get("/licences/selection")
                                .with(fixture.signedIn(org.manager().email())))
                .andExpect(jsonPath("$.count").value(19));

        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(redirectedUrl("/invoices"))
                .andExpect(flash().attribute("toast", "Sent 19 invoices totalling €190.00 including VAT."));
        assertThat(invoicing.invoices(org.manager(), null, null, 1, 50).total()).isEqualTo(19);
        assertThat(licences.details(org.manager(), assigned.get(1)).billingStatus())
                .isEqualTo(BillingStatus.INVOICED);
        browser.perform(
                        mvc,
                        get("/licences/selection")
                                .with(fixture.signedIn(org.manager().email())))
                .andExpect(jsonPath("$.count").value(0));
    }

    /** A list left open while a licence on it was deleted elsewhere: its box says what happened, not "assign first". */
    @Test
    void tickingALicenceDeletedMeanwhileSaysItWasDeletedAndSelectsNothing() throws Exception {
        var browser = new Browser();
        long deleted = assigned.get(0);
        licences.delete(org.manager(), deleted);

        browser.perform(mvc, select(deleted, true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error")
                        .value("This licence was deleted meanwhile: reload the page to see the list as it is now."))
                .andExpect(jsonPath("$.count").value(0));
        browser.perform(mvc, select(unassigned, true))
                .andExpect(jsonPath("$.error").value("Only licences assigned to a client can be invoiced."));
    }

    @Test
    void theOutcomeOfABulkPauseIsWrittenInThePageLanguageWithItsPunctuation() throws Exception {
        var browser = new Browser();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(mvc, select(assigned.get(1), true));
        String alreadyPaused =
                licences.pause(org.manager(), assigned.get(1)).couponCode().toString();
        browser.perform(
                        mvc,
                        post("/licences/selection/pause")
                                .header("Accept-Language", "fr")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute(
                                "toast", "1 licence suspendue\u202F; 1 était déjà suspendue (" + alreadyPaused + ")."));
        browser.perform(
                        mvc,
                        post("/licences/selection/resume")
                                .header("Accept-Language", "en")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute("toast", "Resumed 2 licences."));
        browser.perform(
                        mvc,
                        post("/licences/selection/resume")
                                .header("Accept-Language", "en")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute("toast", containsString("Resumed none; 2 ")));
    }

    /**
     * A selected licence made Available since (its client removed, here or in another session) left the toolbar's
     * count and the confirmation ("Pause 1 selected licence?"), but was paused and exported all the same.
     */
    @Test
    void aSelectedLicenceMadeAvailableSinceIsNeitherPausedNorResumedNorExported() throws Exception {
        var browser = new Browser();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(mvc, select(assigned.get(1), true));
        String stillSelected =
                licences.details(org.manager(), assigned.get(0)).couponCode().value();
        licences.edit(org.owner(), assigned.get(1), licence -> licence.withClientId(null));
        browser.perform(
                        mvc,
                        get("/licences/selection")
                                .with(fixture.signedIn(org.manager().email())))
                .andExpect(jsonPath("$.count").value(1));

        browser.perform(
                        mvc,
                        post("/licences/selection/pause")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute("toast", "Paused 1 licence."));
        assertThat(licences.details(org.manager(), assigned.get(1)).status())
                .isEqualTo(io.licencedesk.licence.LifecycleStatus.AVAILABLE);
        String exported = browser.perform(
                        mvc,
                        get("/licences/export.csv")
                                .param("selection", "true")
                                .with(fixture.signedIn(org.manager().email())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(exported.lines().skip(1)).singleElement().asString().startsWith(stillSelected + ",");
        browser.perform(
                        mvc,
                        post("/licences/selection/resume")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute("toast", "Resumed 1 licence."));
    }

    @Test
    void aSendingThatSendsOneAgainAgreesInNumberInFrench() throws Exception {
        var browser = new Browser();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(
                mvc,
                post("/invoices/send")
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()));
        // the first e-mail has gone: sending again queues another (while it waits, nothing is sent again)
        emailsSent();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(mvc, select(assigned.get(1), true));

        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .header("Accept-Language", "fr")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute("toast", startsWith("2 factures envoyées (1 nouvelle, 1 renvoyée), ")));
    }

    void emailsSent() {
        jdbc.sql("update outbound_email set status = 'SENT' where subject_type = 'INVOICE'")
                .update();
    }

    int auditEntries(Invoice invoice, String action) {
        return jdbc.sql("select count(*) from audit_event where subject_type = 'INVOICE' and subject_id = ?"
                        + " and action = ?")
                .params(invoice.id(), action)
                .query(Integer.class)
                .single();
    }

    /**
     * Sending a selection that held a licence whose invoice e-mail was still waiting counted it "sent again" and
     * recorded "Sent again" in the audit log, though nothing new was queued ("Send again" refuses it, decision 0088).
     * The outcome now says it was already waiting, in the page's language, with no audit entry and no second e-mail
     * (decision 0091).
     */
    @Test
    void aSendingThatHoldsAnInvoiceWhoseEmailIsStillWaitingSaysSoAndRecordsNothing() throws Exception {
        Invoice waiting =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        // its e-mail waits (as behind a slow mail server): the dispatcher does not take it during the test
        jdbc.sql("update outbound_email set next_attempt_at = ? where subject_type = 'INVOICE' and subject_id = ?")
                .params(java.time.OffsetDateTime.now(clock).plusDays(30), waiting.id())
                .update();
        var browser = new Browser();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(mvc, select(assigned.get(1), true));

        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute(
                                "toast",
                                "Sent 1 invoice totalling €10.00 including VAT. 1 invoice was already waiting to be"
                                        + " sent: nothing more was queued for it."));
        assertThat(invoicing.deliveries(org.manager(), waiting.id())).hasSize(1);
        assertThat(auditEntries(waiting, "RESENT")).isZero();

        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .header("Accept-Language", "fr")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute(
                                "toast",
                                "1 facture attendait déjà d’être envoyée\u00a0: rien de plus n’a été mis en file pour"
                                        + " elle."));
        assertThat(invoicing.deliveries(org.manager(), waiting.id())).hasSize(1);
        assertThat(auditEntries(waiting, "RESENT")).isZero();

        emailsSent();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(flash().attribute(
                                "toast", "Sent 1 invoice (0 new, 1 sent again) totalling €10.00 including VAT."));
        assertThat(invoicing.deliveries(org.manager(), waiting.id())).hasSize(2);
        assertThat(auditEntries(waiting, "RESENT")).isEqualTo(1);
    }

    @Test
    void deletingASelectedLicenceTakesItOutOfTheSelection() throws Exception {
        var browser = new Browser();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(mvc, select(assigned.get(1), true))
                .andExpect(jsonPath("$.count").value(2));

        browser.perform(
                        mvc,
                        post("/licences/{id}/delete", assigned.get(1))
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(redirectedUrl("/licences"));

        browser.perform(
                        mvc,
                        get("/licences/selection")
                                .with(fixture.signedIn(org.manager().email())))
                .andExpect(jsonPath("$.count").value(1));
        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(redirectedUrl("/invoices"))
                .andExpect(flash().attribute("toast", "Sent 1 invoice totalling €10.00 including VAT."));
    }

    @Test
    void sendsNothingWhenASelectedLicenceWasDeletedElsewhereAndDropsItFromTheSelection() throws Exception {
        var browser = new Browser();
        browser.perform(mvc, select(assigned.get(0), true));
        browser.perform(mvc, select(assigned.get(1), true));
        licences.delete(org.owner(), assigned.get(1));

        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(redirectedUrl("/licences"))
                .andExpect(flash().attribute("toast", containsString("no longer selected")));

        assertThat(invoicing.invoices(org.manager(), null, null, 1, 50).total()).isZero();
        browser.perform(
                        mvc,
                        get("/licences/selection")
                                .with(fixture.signedIn(org.manager().email())))
                .andExpect(jsonPath("$.count").value(1));
        browser.perform(
                        mvc,
                        post("/invoices/send")
                                .with(fixture.signedIn(org.manager().email()))
                                .with(csrf()))
                .andExpect(redirectedUrl("/invoices"))
                .andExpect(flash().attribute("toast", "Sent 1 invoice totalling €10.00 including VAT."));
    }

    @Test
    void refusesLicencesOfAnotherOrganisationInTheSelection() throws Exception {
        mvc.perform(post("/licences/selection")
                        .param("id", "" + assigned.get(0))
                        .param("selected", "true")
                        .with(fixture.signedIn(other.manager().email()))
                        .with(csrf()))
                .andExpect(jsonPath("$.count").value(0))
                .andExpect(jsonPath("$.error").isNotEmpty());
    }

    /**
     * The invoices page's search box finds invoices by number, client, licence or payment reference, and the page's
     * other links (pages, filters, both exports) keep the keyword, so the totals and the files are those of the list.
     */
    @Test
    void searchesTheInvoicesListAndKeepsTheKeywordInItsLinksTotalsAndExports() throws Exception {
        List<Invoice> issued =
                invoicing.send(org.manager(), assigned.subList(0, 12)).issued();
        Invoice wanted = issued.get(3);
        invoicing.markPaid(org.manager(), wanted.id(), wanted.issuedOn(), "BANK-REF 42");
        var manager = fixture.signedIn(org.manager().email());

        Document found = page(get("/invoices").param("q", "bank-ref").with(manager));
        assertThat(found.select("tbody tr a[href^=/invoices/]").eachText()).containsExactly(wanted.number());
        assertThat(found.select("input#q").val()).isEqualTo("bank-ref");
        assertThat(found.select(".invoice-sums dd.fw-semibold").eachText())
                .containsExactly(wanted.totals().total().formatted()); // the list's total: this invoice's alone
        assertThat(found.select("a[download]").eachAttr("href"))
                .hasSize(2)
                .allSatisfy(href -> assertThat(href).contains("q=bank-ref"));
        assertThat(found.select("a:contains(Clear filters)").attr("href")).isEqualTo("/invoices");

        Document byLicence = page(get("/invoices")
                .param("q", wanted.line().couponCode().toLowerCase(Locale.ROOT))
                .param("status", "PAID")
                .with(manager));
        assertThat(byLicence.select("tbody tr a[href^=/invoices/]").eachText()).containsExactly(wanted.number());
        assertThat(page(get("/invoices").param("q", "Screen 1").with(manager))
                        .select("tbody tr a[href^=/invoices/]")
                        .eachText())
                .hasSize(3); // Screen 1, Screen 10 and Screen 11
        Document none = page(get("/invoices").param("q", "nothing like it").with(manager));
        assertThat(none.select("tbody").text()).isEqualTo("No invoices match these filters.");

        String csv = mvc.perform(get("/invoices/export.csv")
                        .param("q", "BANK-REF")
                        .param("separator", "semicolon")
                        .with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).toList())
                .singleElement()
                .satisfies(row -> assertThat(row).startsWith(wanted.number() + ";"));

        assertThat(new InvoiceListParams("unpaid", null, null, null, " a b&c ").url(2))
                .isEqualTo("/invoices?status=unpaid&q=a+b%26c&page=2");
        assertThat(page(get("/invoices")
                                .param("q", "bank-ref")
                                .with(fixture.signedIn(other.manager().email())))
                        .select("tbody tr a[href^=/invoices/]"))
                .isEmpty();
    }

    /**
     * The same rule and words as the portal's (Invoice.overdueOn, status.invoice.overdue), beside the status: in the
     * list, on the invoice's page, and where the licence's and the client's pages list their invoices.
     */
    @Test
    void marksAnInvoiceUnpaidAfterItsDueDateOverdueWhereverTheConsoleListsIt() throws Exception {
        clock.advance(Duration.ofDays(-40));
        Invoice late;
        Invoice paidLate;
        try {
            late = invoicing
                    .send(org.manager(), List.of(assigned.get(0)))
                    .issued()
                    .get(0);
            paidLate = invoicing
                    .send(org.manager(), List.of(assigned.get(1)))
                    .issued()
                    .get(0);
        } finally {
            clock.reset();
        }
        var manager = fixture.signedIn(org.manager().email());
        mvc.perform(post("/invoices/{id}/paid", paidLate.id())
                        .param("paidOn", paidLate.issuedOn().toString())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + paidLate.id()));
        Invoice notYetDue =
                invoicing.send(org.manager(), List.of(assigned.get(2))).issued().get(0);

        Document list = page(get("/invoices").with(manager));
        assertThat(overdueBadges(list, late)).containsExactly("Overdue");
        assertThat(badges(list, late)).hasSize(2); // its status too: the staff still see whether it was sent
        assertThat(overdueBadges(list, paidLate)).isEmpty();
        assertThat(overdueBadges(list, notYetDue)).isEmpty();

        assertThat(page(get("/invoices/{id}", late.id()).with(manager))
                        .select("h1 ~ .invoice-overdue")
                        .eachText())
                .containsExactly("Overdue");
        assertThat(page(get("/invoices/{id}", notYetDue.id()).with(manager)).select(".invoice-overdue"))
                .isEmpty();
        assertThat(page(get("/invoices/{id}", late.id()).with(manager).param("lang", "fr"))
                        .select(".invoice-overdue")
                        .eachText())
                .containsExactly("En retard");

        for (Invoice invoice : List.of(late, paidLate, notYetDue)) {
            Document licencePage =
                    page(get("/licences/{id}", invoice.line().licenceId()).with(manager));
            assertThat(overdueBadges(licencePage, invoice))
                    .as(invoice.number() + " on its licence's page")
                    .isEqualTo(invoice == late ? List.of("Overdue") : List.of());
            assertThat(badges(licencePage, invoice)).isNotEmpty();
        }
        Document clientPage = page(get("/clients/{id}", org.alice().userId()).with(manager));
        assertThat(overdueBadges(clientPage, late)).containsExactly("Overdue");
        assertThat(badges(clientPage, late)).hasSize(2);
        assertThat(overdueBadges(clientPage, paidLate)).isEmpty();
        assertThat(overdueBadges(clientPage, notYetDue)).isEmpty();
        assertThat(badges(clientPage, notYetDue)).hasSize(1);
    }

    /**
     * A renewal bills the next term on the day it is made, often the day the current term was billed: the licence's
     * page, the client's page and the invoices list showed two rows alike but for their numbers (same day, same total),
     * and the client's page did not even name the licence. Each row now names the licence and the term it bills.
     */
    @Test
    void namesTheLicenceAndTheTermEachInvoiceBillsWhereverTheConsoleListsIt() throws Exception {
        LocalDate today = testLicences.today();
        long licence = testLicences.activated(org.owner(), plan, org.alice().userId(), "Renewed", today.minusDays(20));
        Invoice first = invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        Invoice second = renewals.renew(org.manager(), licence).invoice();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        DateTimeFormatter jour = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRENCH);
        String firstTerm = day.format(first.line().termStart()) + " to "
                + day.format(first.line().termEnd()) + " inclusive";
        String secondTerm = day.format(second.line().termStart()) + " to "
                + day.format(second.line().termEnd()) + " inclusive";
        assertThat(firstTerm).isNotEqualTo(secondTerm);
        var manager = fixture.signedIn(org.manager().email());

        Document list = page(get("/invoices").with(manager));
        Document licencePage = page(get("/licences/{id}", licence).with(manager));
        Document clientPage = page(get("/clients/{id}", org.alice().userId()).with(manager));
        for (Document page : List.of(list, licencePage, clientPage)) {
            String where = page.title();
            assertThat(rowText(page, first)).as(where).contains(firstTerm).doesNotContain(secondTerm);
            assertThat(rowText(page, second)).as(where).contains(secondTerm).doesNotContain(firstTerm);
        }
        assertThat(clientPage
                        .select("tbody tr:has(a:containsOwn(" + first.number() + ")) a[href=/licences/" + licence + "]")
                        .eachText())
                .containsExactly("Renewed");
        assertThat(licencePage.select("#invoices-heading ~ table th").eachText())
                .contains("Term");

        Document enFrancais = page(get("/licences/{id}", licence).with(manager).param("lang", "fr"));
        assertThat(enFrancais.select("#invoices-heading ~ table th").eachText()).contains("Période");
        assertThat(rowText(enFrancais, second))
                .contains("du " + jour.format(second.line().termStart()) + " au "
                        + jour.format(second.line().termEnd()) + " inclus");
    }

    private static String rowText(Document page, Invoice invoice) {
        return page.select("tbody tr:has(a:containsOwn(" + invoice.number() + "))")
                .text();
    }

    /**
     * An invoice whose e-mail is not in the outbox (its data moved in by SQL, as the invoice benchmark's is) is listed
     * with an empty delivery cell: the page answered 500, the fragment being included before its condition was read.
     */
    @Test
    void listsAnInvoiceThatHasNoEmailWithoutADeliveryStatus() throws Exception {
        List<Invoice> issued =
                invoicing.send(org.manager(), assigned.subList(0, 2)).issued();
        jdbc.sql("delete from outbound_email where subject_type = 'INVOICE' and subject_id = :id")
                .param("id", issued.get(0).id())
                .update();

        Document list =
                page(get("/invoices").with(fixture.signedIn(org.manager().email())));

        assertThat(list.select("tbody tr a[href^=/invoices/]").eachText())
                .containsExactlyInAnyOrder(issued.get(0).number(), issued.get(1).number());
        assertThat(list.select("tbody tr")).allSatisfy(row -> {
            boolean hasEmail = !row.text().contains(issued.get(0).number());
            assertThat(row.select("td").last().text().isEmpty()).isNotEqualTo(hasEmail);
        });
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static List<String> overdueBadges(Document list, Invoice invoice) {
        return badges(list, invoice).stream()
                .filter(badge -> badge.hasClass("invoice-overdue"))
                .map(badge -> badge.text())
                .toList();
    }

    private static List<org.jsoup.nodes.Element> badges(Document list, Invoice invoice) {
        return list.select("tbody tr:has(a:containsOwn(" + invoice.number() + ")) .invoice-badge");
    }

    /**
     * The reason for voiding is shown to the client, in the portal and on the PDF, and the payment's reference is printed
     * on the PDF, but the forms did not say so: a manager could write there what the client was not meant to read.
     */
    @Test
    void theVoidAndPaymentFormsSayTheClientSeesWhatIsTypedThere() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        var manager = fixture.signedIn(org.manager().email());

        Document page = page(get("/invoices/{id}", invoice.id()).with(manager));

        assertThat(page.getElementById("reason").attr("aria-describedby")).contains("reason-help");
        assertThat(page.getElementById("reason-help").text())
                .isEqualTo("The client sees it on the invoice, in their portal and on its PDF.");
        assertThat(page.getElementById("reference").attr("aria-describedby")).contains("reference-help");
        assertThat(page.getElementById("reference-help").text())
                .isEqualTo("Printed on the invoice's PDF, which the client can download.");
    }

    /** A void invoice's page put its reason under "Annuler" in French, the button's verb ("Cancel"), "Void" in English. */
    @Test
    void aVoidInvoicesPageSaysItsReasonIsTheReasonForVoiding() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        invoicing.voidInvoice(org.manager(), invoice.id(), "Billed twice");
        var manager = fixture.signedIn(org.manager().email());

        for (var expected :
                Map.of("en", "Reason for voiding", "fr", "Motif d’annulation").entrySet()) {
            Document page = page(
                    get("/invoices/{id}", invoice.id()).with(manager).header("Accept-Language", expected.getKey()));
            assertThat(page.select("dd:containsOwn(Billed twice)"))
                    .singleElement()
                    .satisfies(reason ->
                            assertThat(reason.previousElementSibling().text()).isEqualTo(expected.getValue()));
        }
    }

    @Test
    void showsDownloadsPaysAndVoidsAnInvoice() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        var manager = fixture.signedIn(org.manager().email());

        mvc.perform(get("/invoices").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(invoice.number())));
        mvc.perform(get("/invoices/{id}", invoice.id()).with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mark paid")));
        mvc.perform(get("/invoices/{id}/pdf", invoice.id()).with(manager))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString(invoice.number())));
        mvc.perform(post("/invoices/{id}/paid", invoice.id())
                        .param("paidOn", "2999-01-01")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot be in the future")));
        mvc.perform(post("/invoices/{id}/paid", invoice.id())
                        .param("paidOn", "yesterday")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date")));
        mvc.perform(post("/invoices/{id}/void", invoice.id())
                        .param("reason", " ")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Say why")));
        mvc.perform(post("/invoices/{id}/paid", invoice.id())
                        .param("paidOn", invoice.issuedOn().minusDays(1).toString())
                        .param("reference", "Early bird")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot be before the invoice was issued")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("value=\"Early bird\"")));
        mvc.perform(post("/invoices/{id}/paid", invoice.id())
                        .param("paidOn", invoice.issuedOn().toString())
                        .param("reference", "R1")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()));
        assertThat(invoicing.invoice(org.manager(), invoice.id()).paymentReference())
                .isEqualTo("R1");
        // Paid is final (decision 0082): a void posted anyway (the page offers none) is refused and says why.
        mvc.perform(post("/invoices/{id}/void", invoice.id())
                        .param("reason", "Duplicate")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "Invoice " + invoice.number()
                                        + " is paid, so it cannot be voided: the payment is recorded on it."));
        assertThat(invoicing.invoice(org.manager(), invoice.id()).voidReason()).isNull();
        assertThat(invoicing.invoice(org.manager(), invoice.id()).paidOn()).isEqualTo(invoice.issuedOn());
        assertThat(licences.details(org.manager(), assigned.get(0)).billingStatus())
                .isEqualTo(BillingStatus.PAID);
        // A void form from a page loaded before the payment, sent empty, says the same rather than "Say why".
        mvc.perform(post("/invoices/{id}/void", invoice.id())
                        .param("reason", " ")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute("toast", containsString("is paid, so it cannot be voided")));
        Invoice unpaid =
                invoicing.send(org.manager(), List.of(assigned.get(1))).issued().get(0);
        mvc.perform(post("/invoices/{id}/void", unpaid.id())
                        .param("reason", "Duplicate")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + unpaid.id()));
        assertThat(invoicing.invoice(org.manager(), unpaid.id()).voidReason()).isEqualTo("Duplicate");
        assertThat(licences.details(org.manager(), assigned.get(1)).billingStatus())
                .isEqualTo(BillingStatus.UNBILLED);
        mvc.perform(get("/outbox").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(invoice.number())));
    }

    /**
     * A payment marked by mistake is removed from the paid invoice's page (decision 0086), which asks first; the
     * invoice is to be paid again and its licence Invoiced. A form posted again (the page is stale) is refused in a
     * toast, in the page's language, and changes nothing.
     */
    @Test
    void removesThePaymentOfAPaidInvoiceAfterAskingAndRefusesAnInvoiceNotPaid() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        var manager = fixture.signedIn(org.manager().email());
        mvc.perform(get("/invoices/{id}", invoice.id()).with(manager))
                .andExpect(content().string(not(containsString("Remove the payment"))));
        mvc.perform(markPaid(invoice, invoice.issuedOn().toString(), "R1"))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()));

        mvc.perform(get("/invoices/{id}", invoice.id()).with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/invoices/" + invoice.id() + "/remove-payment\"")))
                .andExpect(content()
                        .string(containsString("data-confirm-question=\"Remove the payment recorded on invoice "
                                + invoice.number() + "? It will be to be paid again.\"")));
        mvc.perform(get("/invoices/{id}", invoice.id())
                        .header("Accept-Language", "fr")
                        .with(manager))
                .andExpect(content().string(containsString("Retirer le paiement")));
        mvc.perform(post("/invoices/{id}/remove-payment", invoice.id())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "Payment removed from invoice " + invoice.number() + ". It is to be paid again."));

        Invoice unpaid = invoicing.invoice(org.manager(), invoice.id());
        assertThat(unpaid.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(unpaid.paidOn()).isNull();
        assertThat(unpaid.paymentReference()).isNull();
        assertThat(licences.details(org.manager(), assigned.get(0)).billingStatus())
                .isEqualTo(BillingStatus.INVOICED);
        mvc.perform(get("/invoices/{id}", invoice.id()).with(manager))
                .andExpect(content().string(containsString("Mark paid")))
                .andExpect(content().string(not(containsString("/remove-payment"))));
        mvc.perform(post("/invoices/{id}/remove-payment", invoice.id())
                        .header("Accept-Language", "fr")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "La facture " + invoice.number()
                                        + " est émise\u00a0: elle n’a pas de paiement à retirer."));
        assertThat(invoicing.invoice(org.manager(), invoice.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aFormSentFromAPageLoadedBeforeTheInvoiceWasVoidedIsAnsweredWithWhyNotWithErrorsOfAFormNoLongerShown()
            throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        invoicing.voidInvoice(org.manager(), invoice.id(), "Duplicate");

        mvc.perform(markPaid(invoice, "yesterday", "R1"))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute("toast", "Invoice " + invoice.number() + " is void."));
        mvc.perform(post("/invoices/{id}/void", invoice.id())
                        .param("reason", " ")
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute("toast", "Invoice " + invoice.number() + " is already void."));
        assertThat(invoicing.invoice(org.manager(), invoice.id()).paidOn()).isNull();
    }

    @Test
    void marksEveryBadPaymentFieldAtOnceEvenWhenTheDateIsNotADate() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        for (String notADate : List.of("yesterday", "2026-02-30", "99999999999")) {
            FieldErrors.expectExactly(
                    mvc,
                    markPaid(invoice, notADate, "r".repeat(101)),
                    Map.of(
                            "paidOn", "Enter a date such as 2026-11-29.",
                            "reference", "Keep the reference to 100 characters."));
        }
        FieldErrors.expectExactly(
                mvc,
                markPaid(invoice, "", "<b>R1</b>"),
                Map.of("paidOn", "Enter the payment date.", "reference", "Remove the HTML tags"));
        // Two days ahead: a day no time zone has reached yet (the next day may be a manager's today, decision 0131).
        FieldErrors.expectExactly(
                mvc,
                markPaid(invoice, invoice.issuedOn().plusDays(2).toString(), "r".repeat(101)),
                Map.of(
                        "paidOn", "The payment date cannot be in the future.",
                        "reference", "Keep the reference to 100 characters."));
        clock.advance(Duration.ofDays(2));
        FieldErrors.expectExactly(
                mvc,
                markPaid(invoice, invoice.issuedOn().plusDays(2).toString(), "r".repeat(101)),
                Map.of("reference", "Keep the reference to 100 characters."));
        assertThat(invoicing.invoice(org.manager(), invoice.id()).paidOn()).isNull();
    }

    /**
     * An invoice's term read "6 Dec 2026 – 6 Jan 2027", which does not say whether 6 January is billed. The licence
     * runs on its end date (it is Expired from the day after), so the term says its last day is included, in the same
     * words on the console's invoice and licence pages, the client's invoice page and the PDF, with the licence's end.
     */
    @Test
    void saysTheTermsLastDayIsIncludedWhereverTheTermIsWritten() throws Exception {
        LocalDate activatedOn = testLicences.today().minusDays(10);
        long licence = testLicences.activated(org.owner(), plan, org.alice().userId(), "Lobby", activatedOn);
        Invoice invoice =
                invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        var day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
        String start = day.format(activatedOn);
        String end = day.format(activatedOn.plus(plan.term()));
        String term = start + " to " + end + " inclusive";

        assertThat(page(
                        "/invoices/" + invoice.id(),
                        fixture.signedIn(org.manager().email())))
                .contains("Plan and term " + plan.name() + " · " + term);
        assertThat(page("/licences/" + licence, fixture.signedIn(org.manager().email())))
                .contains("Ends " + end)
                .contains("Term 1: " + term);
        assertThat(page(
                        "/portal/invoices/" + invoice.id(),
                        fixture.signedIn(org.alice().email())))
                .contains("Term " + term);
        assertThat(page("/portal/invoices", fixture.signedIn(org.alice().email())))
                .contains(term);
        try (var pdf = Loader.loadPDF(invoicing.pdf(org.manager(), invoice.id()))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains(term);
        }
    }

    /** A page's text as a person reads it, its spaces and line breaks made one space each. */
    String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        String html = mvc.perform(get(path).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return Jsoup.parse(html).body().text().replace('\u00a0', ' ');
    }

    /**
     * Days are the server's (TZ): on a server in UTC, a manager in Tokyo recording a payment just after their midnight
     * typed their today and was told it was in the future, in the console and in the REST API alike. A date is now in
     * the future only when no time zone has reached it (decision 0131); the day after that is still refused.
     */
    @Test
    void takesAPaymentDatedTheTodayOfAManagerEastOfTheServer() throws Exception {
        Invoice first =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        Invoice second =
                invoicing.send(org.manager(), List.of(assigned.get(1))).issued().get(0);
        // 23:00 tomorrow at the server: the next day has begun east of it (08:00 in Tokyo when the server is in UTC).
        ZonedDateTime lateEvening =
                testLicences.today().plusDays(1).atTime(23, 0).atZone(clock.getZone());
        clock.advance(Duration.between(clock.instant(), lateEvening.toInstant()));
        LocalDate serversToday = testLicences.today();
        LocalDate tokyosToday = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
        assertThat(tokyosToday).isAfter(serversToday);

        FieldErrors.expectExactly(
                mvc,
                markPaid(first, tokyosToday.plusDays(1).toString(), "BANK-1"),
                Map.of("paidOn", "The payment date cannot be in the future."));
        mvc.perform(markPaid(first, tokyosToday.toString(), "BANK-1"))
                .andExpect(redirectedUrl("/invoices/" + first.id()));
        assertThat(invoicing.invoice(org.manager(), first.id()).paidOn()).isEqualTo(tokyosToday);

        String token = fixture.token(org.manager());
        mvc.perform(post("/api/v1/invoices/{id}/pay", second.id())
                        .with(TestFixture.bearer(token))
                        .contentType("application/json")
                        .content("{\"paidOn\": \"" + tokyosToday.plusDays(1) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The payment date cannot be in the future.")));
        mvc.perform(post("/api/v1/invoices/{id}/pay", second.id())
                        .with(TestFixture.bearer(token))
                        .contentType("application/json")
                        .content("{\"paidOn\": \"" + tokyosToday + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paidOn").value(tokyosToday.toString()));
    }

    /**
     * A payment date before the invoice was issued is the invoice's own rule, not the form's: it was told only once
     * the other fields were right, one round-trip later (decision 0077: every refused field in one answer).
     */
    @Test
    void marksADateBeforeTheIssueBesideTheFormsOtherRefusals() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        String early = invoice.issuedOn().minusDays(1).toString();

        FieldErrors.expectExactly(
                mvc,
                markPaid(invoice, early, "r".repeat(101)),
                Map.of(
                        "paidOn",
                        "The payment date cannot be before the invoice was issued, on "
                                + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                                        .format(invoice.issuedOn())
                                + ".",
                        "reference",
                        "Keep the reference to 100 characters."));
        FieldErrors.expectExactly(
                mvc,
                markPaid(invoice, early, "<b>R1</b>"),
                Map.of(
                        "paidOn",
                        "The payment date cannot be before the invoice was issued, on "
                                + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                                        .format(invoice.issuedOn())
                                + ".",
                        "reference",
                        "Remove the HTML tags"));
        assertThat(invoicing.invoice(org.manager(), invoice.id()).paidOn()).isNull();
    }

    String invoicesPage(String query, String language) throws Exception {
        return mvc.perform(get("/invoices" + query)
                        .header("Accept-Language", language)
                        .with(fixture.signedIn(org.manager().email())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The notices above the list, as the page shows them. */
    static List<String> notices(String page) {
        return Jsoup.parse(page).select("main .alert-warning[role=status]").eachText();
    }

    /**
     * A filter typed by hand that the page cannot read was left out silently: the list looked filtered and was not.
     * It is still left out (never an error page), and the page says which and that it was ignored.
     */
    @Test
    void saysWhichFilterOfTheAddressItDidNotUnderstandAndShowsTheListWithoutIt() throws Exception {
        Invoice paid =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        invoicing.markPaid(org.manager(), paid.id(), paid.issuedOn(), null);
        Invoice unpaid =
                invoicing.send(org.manager(), List.of(assigned.get(1))).issued().get(0);

        String page = invoicesPage("?status=BOGUS&issued=2026-13&paid=soon", "en");

        assertThat(notices(page))
                .containsExactly(
                        "The status “BOGUS” was not understood, so the list is not filtered by status.",
                        "The month of issue “2026-13” was not understood (write a month such as 2026-10), so the list"
                                + " is not filtered by it.",
                        "The month of payment “soon” was not understood (write a month such as 2026-10), so the list"
                                + " is not filtered by it.");
        assertThat(page).contains(paid.number(), unpaid.number());
        assertThat(notices(invoicesPage("?client=" + other.alice().userId(), "en")))
                .containsExactly("The client asked for is not one of your clients, so the list shows every client’s"
                        + " invoices.");
        assertThat(notices(invoicesPage("?status=bogus&issued=13-2026", "fr")))
                .containsExactly(
                        "Le statut « bogus » n’a pas été compris : la liste n’est pas filtrée par statut.",
                        "Le mois d’émission « 13-2026 » n’a pas été compris (écrivez un mois tel que 2026-10) : la"
                                + " liste n’est pas filtrée par ce mois.");
        // What the page reads, every spelling of the dashboard's and the drop-down's links, says nothing.
        for (String understood : List.of(
                "",
                "?status=",
                "?status=not-void&issued=" + paid.issuedOn().toString().substring(0, 7),
                "?status=not_void",
                "?status=PAID&client=" + org.alice().userId() + "&page=1",
                "?status=unpaid&paid=",
                "?status=overdue")) {
            assertThat(notices(invoicesPage(understood, "en"))).as(understood).isEmpty();
        }
        String allButVoid = invoicesPage("?status=not_void", "en");
        assertThat(Jsoup.parse(allButVoid).select("#status option[selected]").attr("value"))
                .isEqualTo("not-void");
        assertThat(invoicesPage("?status=PAID", "en")).contains(paid.number()).doesNotContain(unpaid.number());
        assertThat(invoicesPage("?status=unpaid", "en"))
                .contains(unpaid.number())
                .doesNotContain(paid.number());
    }

    /**
     * A paid invoice's page labelled its payment date with the dashboard's chart word: "Payé" in French, where the
     * invoice is feminine and the other dates read "Émise le", "Échéance". It reads "Payée le" / "Paid on".
     */
    @Test
    void labelsThePaymentDateAsTheOtherDatesInBothLanguages() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        invoicing.markPaid(org.manager(), invoice.id(), invoice.issuedOn(), "R1");

        for (var language : Map.of("fr", "Payée le", "en", "Paid on").entrySet()) {
            String page = mvc.perform(get("/invoices/{id}", invoice.id())
                            .header("Accept-Language", language.getKey())
                            .with(fixture.signedIn(org.manager().email())))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(page).select("dl.details dt").eachText())
                    .as(language.getKey())
                    .contains(language.getValue())
                    .doesNotContain("Payé", "Paid");
        }
    }

    MockHttpServletRequestBuilder markPaid(Invoice invoice, String paidOn, String reference) {
        return post("/invoices/{id}/paid", invoice.id())
                .param("paidOn", paidOn)
                .param("reference", reference)
                .with(fixture.signedIn(org.manager().email()))
                .with(csrf());
    }

    /**
     * The invoices list's totals add up the organisation's invoices only: another organisation's, or their client's
     * asked for by id, are neither listed nor added, and an organisation with none shows no totals.
     */
    @Test
    void addsUpOnlyTheOrganisationsOwnInvoices() throws Exception {
        invoicing.send(org.manager(), List.of(assigned.get(0), assigned.get(1)));
        Plan theirs = fixture.monthlyPlan(other);
        long theirLicence = licences.create(
                        other.manager(),
                        new NewLicence(
                                theirs.id(), "Theirs", null, 7, other.alice().userId()))
                .id();
        invoicing.send(other.manager(), List.of(theirLicence));

        Document mine = Jsoup.parse(
                mvc.perform(get("/invoices").with(fixture.signedIn(org.manager().email())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mine.select(".invoice-sums-line dd").eachText())
                .containsExactly("€20.00", "€0.00", "€20.00", "€0.00", "€20.00");
        Document asked = Jsoup.parse(mvc.perform(get("/invoices")
                        .param("client", "" + other.alice().userId())
                        .with(fixture.signedIn(org.manager().email())))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(asked.select(".invoice-sums-line dd").eachText())
                .containsExactly("€20.00", "€0.00", "€20.00", "€0.00", "€20.00");
        TestOrganisation empty = organisations.create();
        assertThat(Jsoup.parse(mvc.perform(get("/invoices")
                                        .with(fixture.signedIn(empty.manager().email())))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                        .select(".invoice-sums"))
                .isEmpty();
    }

    @Test
    void refusesEveryInvoicingPageToAnonymousClientsAndOtherOrganisations() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        long email = invoicing.deliveries(org.manager(), invoice.id()).get(0).id();
        List<Supplier<MockHttpServletRequestBuilder>> pages = List.of(
                () -> get("/invoices"),
                () -> get("/invoices/{id}", invoice.id()),
                () -> get("/invoices/{id}/pdf", invoice.id()),
                () -> get("/outbox"),
                () -> get("/outbox/{id}", email),
                () -> get("/licences/selection"),
                () -> get("/settings"),
                () -> get("/clients/{id}/edit", org.alice().userId()));
        List<Supplier<MockHttpServletRequestBuilder>> actions = List.of(
                () -> post("/invoices/{id}/resend", invoice.id()),
                () -> post("/invoices/{id}/paid", invoice.id()).param("paidOn", "2026-01-01"),
                () -> post("/invoices/{id}/void", invoice.id()).param("reason", "x"),
                () -> post("/invoices/{id}/remove-payment", invoice.id()),
                () -> post("/outbox/{id}/retry", email),
                () -> post("/licences/selection")
                        .param("id", "" + assigned.get(1))
                        .param("selected", "true"),
                () -> post("/licences/selection/clear"),
                () -> post("/invoices/send"),
                () -> post("/settings").param("name", "Hacked"),
                () -> post("/clients/{id}", org.alice().userId())
                        .param("name", "Hacked")
                        .param("email", "h@example.test"));
        for (var page : pages) {
            mvc.perform(page.get()).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(page.get().with(fixture.signedIn(org.alice().email()))).andExpect(status().isForbidden());
        }
        for (var action : actions) {
            mvc.perform(action.get().with(csrf())).andExpect(redirectedUrl("/login"));
            mvc.perform(action.get().with(fixture.signedIn(org.alice().email())).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(action.get().with(fixture.signedIn(org.owner().email())))
                    .andExpect(status().isForbidden());
        }
        var stranger = fixture.signedIn(other.owner().email());
        mvc.perform(get("/invoices/{id}", invoice.id()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/invoices/{id}/pdf", invoice.id()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/outbox/{id}", email).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/clients/{id}/edit", org.alice().userId()).with(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/invoices").with(stranger)).andExpect(content().string(not(containsString(invoice.number()))));
        mvc.perform(get("/outbox").with(stranger)).andExpect(content().string(not(containsString(invoice.number()))));
        invoicing.markPaid(org.manager(), invoice.id(), invoice.issuedOn(), null);
        for (String action : List.of("resend", "void", "remove-payment")) {
            mvc.perform(post("/invoices/{id}/" + action, invoice.id())
                            .param("reason", "x")
                            .with(stranger)
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/clients/{id}", org.alice().userId())
                        .param("name", "Hacked")
                        .param("email", "h@example.test")
                        .with(stranger)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/settings").with(fixture.signedIn(org.manager().email())))
                .andExpect(status().isForbidden());
        assertThat(invoicing.invoice(org.manager(), invoice.id()).voidReason()).isNull();
        assertThat(invoicing.invoice(org.manager(), invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoicing.invoices(org.manager(), null, null, 1, 50).total()).isEqualTo(1);
    }
    /**
     * "Send again" while the invoice's first e-mail is still waiting in the outbox queued nothing, yet the toast said
     * it was queued to be sent again (decision 0088). It now says the e-mail is already waiting, in the page's
     * language, and queues nothing; once that e-mail has gone, it is queued again and says so.
     */
    @Test
    void sendingAgainWhileTheEmailIsStillWaitingSaysSoAndQueuesNothing() throws Exception {
        Invoice invoice =
                invoicing.send(org.manager(), List.of(assigned.get(0))).issued().get(0);
        var manager = fixture.signedIn(org.manager().email());
        // Still waiting, whatever the outbox's dispatcher (every second) did meanwhile: had it sent the e-mail already,
        // "Send again" would rightly queue another one.
        jdbc.sql("""
                        update outbound_email set status = 'PENDING', next_attempt_at = ?
                        where subject_type = 'INVOICE' and subject_id = ?
                        """)
                .params(Timestamp.from(clock.instant().plusSeconds(3600)), invoice.id())
                .update();

        mvc.perform(post("/invoices/{id}/resend", invoice.id()).with(manager).with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + invoice.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "The e-mail of invoice " + invoice.number()
                                        + " is already waiting to be sent: nothing more was queued."))
                .andExpect(flash().attribute("toastKind", "danger"));
        mvc.perform(post("/invoices/{id}/resend", invoice.id())
                        .header("Accept-Language", "fr")
                        .with(manager)
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "toast",
                                "L’e-mail de la facture " + invoice.number()
                                        + " est déjà en attente d’envoi\u00a0: rien de plus n’a été mis en file"
                                        + " d’attente."));
        assertThat(invoicing.deliveries(org.manager(), invoice.id())).hasSize(1);

        jdbc.sql("update outbound_email set status = 'SENT' where subject_type = 'INVOICE' and subject_id = ?")
                .param(invoice.id())
                .update();
        mvc.perform(post("/invoices/{id}/resend", invoice.id()).with(manager).with(csrf()))
                .andExpect(flash().attribute("toast", "Invoice " + invoice.number() + " queued to be sent again."))
                .andExpect(flash().attribute("toastKind", "success"));
        assertThat(invoicing.deliveries(org.manager(), invoice.id())).hasSize(2);
    }
    /**
     * Removing the payment that resumed a licence its overdue renewal invoice had paused pauses it again (decision
     * 0088), and the toast names the licence, so the account manager is not surprised.
     */
    @Test
    void removingThePaymentThatResumedAnOverdueLicencePausesItAgainAndSaysSo() throws Exception {
        long licence = pausedWhenOverdue();
        Invoice renewal = renewals.renew(org.manager(), licence).invoice();
        dueAMonthAgo(renewal);
        cycle.run(org.id());
        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), null);
        String code = licences.details(org.manager(), licence).couponCode().toString();

        mvc.perform(post("/invoices/{id}/remove-payment", renewal.id())
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + renewal.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "Payment removed from invoice " + renewal.number() + ". It is to be paid again, and"
                                        + " licence " + code + " is paused again: the invoice is overdue."));

        assertThat(licences.details(org.manager(), licence).renewal().pausedForOverdue())
                .isTrue();
    }

    /**
     * A licence its overdue renewal invoice keeps paused: removing the payment of its earlier term's invoice, which
     * resumed nothing (decision 0121), said the licence "is paused again". It says only what was done.
     */
    @Test
    void removingAPaymentThatResumedNothingDoesNotSayTheLicenceIsPausedAgain() throws Exception {
        long licence = pausedWhenOverdue();
        Renewals.Renewed renewed = renewals.renew(org.manager(), licence); // term 1 never invoiced: both terms are
        Invoice earlier = renewed.runningTermInvoice();
        dueAMonthAgo(renewed.invoice());
        cycle.run(org.id());
        invoicing.markPaid(org.manager(), earlier.id(), testLicences.today(), null);
        assertThat(licences.details(org.manager(), licence).renewal().pausedForOverdue())
                .isTrue();

        mvc.perform(post("/invoices/{id}/remove-payment", earlier.id())
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + earlier.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "Payment removed from invoice " + earlier.number() + ". It is to be paid again."));
    }

    /**
     * Voiding the overdue renewal invoice that paused a licence left it paused for ever, with nothing left to pay. It
     * resumes it now (decision 0128), and the toast names the licence, so the account manager is not surprised.
     */
    @Test
    void voidingTheOverdueInvoiceThatPausedALicenceResumesItAndSaysSo() throws Exception {
        long licence = pausedWhenOverdue();
        Invoice renewal = renewals.renew(org.manager(), licence).invoice();
        dueAMonthAgo(renewal);
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).renewal().pausedForOverdue())
                .isTrue();
        String code = licences.details(org.manager(), licence).couponCode().toString();

        mvc.perform(post("/invoices/{id}/void", renewal.id())
                        .param("reason", "Client cancelled")
                        .with(fixture.signedIn(org.manager().email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/invoices/" + renewal.id()))
                .andExpect(flash().attribute(
                                "toast",
                                "Invoice " + renewal.number() + " voided. Licence " + code
                                        + " can be invoiced again, and it is resumed: no overdue invoice holds it"
                                        + " paused any more."));

        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    /** A licence 20 days into its first term, in an organisation that pauses licences 30 days after a renewal is due. */
    private long pausedWhenOverdue() {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        return testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Overdue",
                testLicences.today().minusDays(20));
    }

    /** Due 31 days ago, so that the renewal cycle pauses its licence. */
    private void dueAMonthAgo(Invoice invoice) {
        jdbc.sql("update invoice set due_on = ? where id = ?")
                .params(java.sql.Date.valueOf(testLicences.today().minusDays(31)), invoice.id())
                .update();
    }
}
