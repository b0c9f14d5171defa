package io.licencedesk.renewals;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.Outbox;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renewing by hand and choosing auto-renew, in the console and the REST API, the owner's renewal settings and the
 * client's reminders: what each does, and who is refused (another organisation, a client, nobody signed in).
 */
@IntegrationTest
@MovableTime
class RenewalEndpointsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestLicences testLicences;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    RenewalPreferences preferences;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Outbox outbox;

    @Autowired
    MovableClock clock;

    TestOrganisation org;
    TestOrganisation other;
    Plan yearly;
    long active;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
        yearly = fixture.yearlyPlan(org);
        active = testLicences.activated(
                org.owner(),
                yearly,
                org.alice().userId(),
                "Lobby",
                testLicences.today().minusMonths(11));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Answer(int status, JsonNode body, MockHttpServletResponse response) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        boolean json =
                response.getContentType() != null && response.getContentType().contains("json");
        return new Answer(response.getStatus(), json && !raw.isEmpty() ? JSON.readTree(raw) : null, response);
    }

    /** The portal's API says the term the portal's page shows: its number, first day and last day (decision 0141). */
    @Test
    void theClientsApiSaysTheTermsFirstAndLastDay() throws Exception {
        var oldEnd = licences.details(org.manager(), active).endsOn();
        String client = fixture.token(org.alice());
        Answer first = send(get("/api/v1/portal/licences/{id}", active).with(bearer(client)));
        assertThat(first.body().get("termNumber").asInt()).isEqualTo(1);
        assertThat(first.body().get("termStartsOn").asString())
                .isEqualTo(first.body().get("activatedOn").asString());

        send(post("/api/v1/licences/{id}/renew", active).with(bearer(fixture.token(org.manager()))));

        Answer renewed = send(get("/api/v1/portal/licences/{id}", active).with(bearer(client)));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.body().get("termNumber").asInt()).isEqualTo(2);
        assertThat(renewed.body().get("termStartsOn").asString())
                .isEqualTo(oldEnd.plusDays(1).toString());
        assertThat(renewed.body().get("endsOn").asString())
                .isEqualTo(oldEnd.plusYears(1).toString());
    }

    @Test
    void theApiRenewsAndInvoicesTheNextTermAndRefusesWhatCannotRenew() throws Exception {
        String token = fixture.token(org.manager());
        var oldEnd = licences.details(org.manager(), active).endsOn();

        Answer renewed = send(post("/api/v1/licences/{id}/renew", active).with(bearer(token)));

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.body().get("licence").get("termNumber").asInt()).isEqualTo(2);
        assertThat(renewed.body().get("licence").get("termStartsOn").asString())
                .isEqualTo(oldEnd.plusDays(1).toString());
        assertThat(renewed.body().get("licence").get("endsOn").asString())
                .isEqualTo(oldEnd.plusYears(1).toString());
        assertThat(renewed.body().get("invoice").get("number").asString()).isNotBlank();
        Answer again = send(post("/api/v1/licences/{id}/renew", active).with(bearer(token)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("already renewed");
        long unused = licences.create(org.manager(), new NewLicence(yearly.id(), "Spare", null, 1, null))
                .id();
        Answer nothing = send(post("/api/v1/licences/{id}/renew", unused).with(bearer(token)));
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(invoicing.forLicence(org.manager(), unused)).isEmpty();
        // its first term had not been invoiced: renewing invoiced it too, once (decision 0065)
        assertThat(invoicing.forLicence(org.manager(), active))
                .extracting(invoice -> invoice.line().termNumber())
                .containsExactlyInAnyOrder(1, 2);
    }

    /**
     * The answer of a renewal is the licence as a GET then reads it (its next term invoiced, not "unbilled"), with
     * the running term's invoice when renewing issued it too (docs/api.md).
     */
    @Test
    void theApiAnswersARenewalWithTheLicenceAsItIsAfterAndBothInvoices() throws Exception {
        String token = fixture.token(org.manager());

        Answer renewed = send(post("/api/v1/licences/{id}/renew", active).with(bearer(token)));
        Answer read = send(get("/api/v1/licences/{id}", active).with(bearer(token)));

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.body().get("licence")).isEqualTo(read.body());
        assertThat(renewed.body().get("licence").get("billingStatus").asString())
                .isEqualTo("invoiced");
        assertThat(renewed.body().get("invoice").get("term").asInt()).isEqualTo(2);
        assertThat(renewed.body().get("runningTermInvoice").get("term").asInt()).isEqualTo(1);

        long invoicedFirst = testLicences.activated(
                org.owner(),
                yearly,
                org.alice().userId(),
                "Foyer",
                testLicences.today().minusMonths(11));
        invoicing.send(org.manager(), java.util.List.of(invoicedFirst));
        Answer second = send(post("/api/v1/licences/{id}/renew", invoicedFirst).with(bearer(token)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("runningTermInvoice").isNull()).isTrue();
    }

    @Test
    void theApiSetsAutoRenewAndPlansSayTheirDefault() throws Exception {
        String token = fixture.token(org.manager());

        Answer yes = send(put("/api/v1/licences/{id}/auto-renew", active)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"autoRenew\": true}"));
        assertThat(yes.status()).isEqualTo(200);
        assertThat(yes.body().get("autoRenew").asBoolean()).isTrue();
        assertThat(yes.body().get("renewsAutomatically").asBoolean()).isTrue();
        Answer plan = send(put("/api/v1/licences/{id}/auto-renew", active)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"autoRenew\": null}"));
        assertThat(plan.body().get("autoRenew").isNull()).isTrue();
        assertThat(plan.body().get("renewsAutomatically").asBoolean()).isFalse();

        Answer created = send(post("/api/v1/plans")
                .with(bearer(fixture.token(org.owner())))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Renewing\", \"term\": \"P1M\", \"unitPrice\": \"5.00\", \"autoRenew\": true}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("autoRenew").asBoolean()).isTrue();
    }

    @Test
    void anotherOrganisationAClientAndNobodyAreRefused() throws Exception {
        long before = invoicing.forLicence(org.manager(), active).size();
        String otherToken = fixture.token(other.manager());
        assertThat(send(post("/api/v1/licences/{id}/renew", active).with(bearer(otherToken)))
                        .status())
                .isEqualTo(404);
        assertThat(send(put("/api/v1/licences/{id}/auto-renew", active)
                                .with(bearer(otherToken))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"autoRenew\": true}"))
                        .status())
                .isEqualTo(404);
        String clientToken = fixture.token(org.alice());
        assertThat(send(post("/api/v1/licences/{id}/renew", active).with(bearer(clientToken)))
                        .status())
                .isEqualTo(403);
        assertThat(send(post("/api/v1/licences/{id}/renew", active)).status()).isEqualTo(401);

        assertThat(send(post("/licences/{id}/renew", active)
                                .with(fixture.signedIn(other.manager()))
                                .with(csrf()))
                        .status())
                .isEqualTo(404);
        assertThat(send(post("/licences/{id}/renew", active)
                                .with(fixture.signedIn(org.alice()))
                                .with(csrf()))
                        .status())
                .isEqualTo(403);
        Answer anonymous = send(post("/licences/{id}/renew", active).with(csrf()));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.response().getRedirectedUrl()).endsWith("/login");
        assertThat(send(post("/licences/{id}/renew", active).with(fixture.signedIn(org.manager())))
                        .status())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(send(post("/licences/{id}/auto-renew", active)
                                .param("autoRenew", "yes")
                                .with(fixture.signedIn(other.manager()))
                                .with(csrf()))
                        .status())
                .isEqualTo(404);
        assertThat(send(get("/settings/renewals").with(fixture.signedIn(org.manager())))
                        .status())
                .as("owners only")
                .isEqualTo(403);
        assertThat(send(post("/portal/profile/reminders")
                                .with(fixture.signedIn(org.manager()))
                                .with(csrf()))
                        .status())
                .isEqualTo(403);

        assertThat(invoicing.forLicence(org.manager(), active)).hasSize((int) before);
        assertThat(licences.details(org.manager(), active).renewal().autoRenewChoice())
                .isNull();
    }

    @Test
    void theConsoleRenewsByHandAndSaysWhatItDid() throws Exception {
        MvcResult result = mvc.perform(post("/licences/{id}/renew", active)
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andReturn();
        Answer renewed = new Answer(result.getResponse().getStatus(), null, result.getResponse());

        assertThat(renewed.status()).isEqualTo(302);
        assertThat(renewed.response().getRedirectedUrl()).isEqualTo("/licences/" + active);
        assertThat(result.getFlashMap().toString())
                .as("the toast names the running term's invoice, never sent before, and the next term's")
                .contains("the term that was running");
        assertThat(licences.details(org.manager(), active).renewal().termNumber())
                .isEqualTo(2);
        Answer page = send(get("/licences/{id}", active).with(fixture.signedIn(org.manager())));
        String html = page.response().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Term 2:").contains("when it renewed").contains("already renewed");

        Answer bad = send(post("/licences/{id}/auto-renew", active)
                .param("autoRenew", "maybe")
                .with(fixture.signedIn(org.manager()))
                .with(csrf()));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(licences.details(org.manager(), active).renewal().autoRenewChoice())
                .isNull();
        send(post("/licences/{id}/auto-renew", active)
                .param("autoRenew", "no")
                .with(fixture.signedIn(org.manager()))
                .with(csrf()));
        assertThat(licences.details(org.manager(), active).renewal().autoRenewChoice())
                .isFalse();
    }

    /**
     * A renewed term started on the last day of the term before: "… to 7 Dec 2026 inclusive", then "7 Dec 2026 to …
     * inclusive", the same day billed in both terms; and Renew now pressed twice on that last day renewed twice, the
     * next term having begun. The next term starts the day after (decision 0137), and the licence page, the REST API,
     * the invoice's page, its PDF and its e-mail all say so.
     */
    @Test
    void aLicenceRenewedOnItsLastDayStartsItsNextTermTheDayAfterEverywhere() throws Exception {
        // Not 29 February, which no yearly term activated a year before ends on (it ends on the 28th).
        clock.moveTo(Instant.parse("2026-06-10T12:00:00Z"));
        LocalDate today = testLicences.today();
        long endsToday =
                testLicences.activated(org.owner(), yearly, org.alice().userId(), "Last day", today.minusYears(1));
        assertThat(licences.details(org.manager(), endsToday).endsOn()).isEqualTo(today);

        List<String> toasts = new ArrayList<>();
        for (int click = 0; click < 2; click++) {
            toasts.add(mvc.perform(post("/licences/{id}/renew", endsToday)
                            .with(fixture.signedIn(org.manager()))
                            .with(csrf()))
                    .andReturn()
                    .getFlashMap()
                    .toString());
        }

        LicenceDetails renewed = licences.details(org.manager(), endsToday);
        LocalDate start = today.plusDays(1);
        LocalDate end = today.plusYears(1);
        assertThat(renewed.renewal().termNumber()).as("renewed once").isEqualTo(2);
        assertThat(renewed.renewal().termStartsOn()).isEqualTo(start);
        assertThat(renewed.endsOn()).isEqualTo(end);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        assertThat(toasts.get(0)).contains("renewed until " + day.format(end) + " inclusive");
        assertThat(toasts.get(1)).contains("already renewed").contains(day.format(start));
        String term = day.format(start) + " to " + day.format(end) + " inclusive";
        String page = send(get("/licences/{id}", endsToday).with(fixture.signedIn(org.manager())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Term 2: " + term);
        // Term 2 starts tomorrow: today is still term 1's last day, and the page calls that term the current one
        // (it called the booked term 2 "Current term", decision 0141).
        assertThat(page)
                .containsSubsequence(
                        "Current term",
                        "Term 1: " + day.format(today.minusYears(1)) + " to " + day.format(today) + " inclusive",
                        "Next term",
                        "Term 2: " + term);
        Invoice invoice = invoicing.forLicence(org.manager(), endsToday).stream()
                .filter(issued -> issued.line().termNumber() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(invoice.line().termStart()).isEqualTo(start);
        assertThat(invoice.line().termEnd()).isEqualTo(end);
        assertThat(send(get("/invoices/{id}", invoice.id()).with(fixture.signedIn(org.manager())))
                        .response()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(term);
        try (var pdf = Loader.loadPDF(invoicing.pdf(org.manager(), invoice.id()))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains(term);
        }
        assertThat(outbox.about(org.id(), "INVOICE", invoice.id()))
                .singleElement()
                .satisfies(mail -> assertThat(mail.textBody()).contains(term));
        Answer api = send(get("/api/v1/invoices/{id}", invoice.id()).with(bearer(fixture.token(org.manager()))));
        assertThat(api.body().get("termStart").asString()).isEqualTo(start.toString());
    }

    @Test
    void theOwnerChangesTheRenewalSettingsAndBadNumbersAreRefusedBesideTheirField() throws Exception {
        Answer bad = send(post("/settings/renewals")
                .param("renewalInvoiceDays", "0")
                .param("overdueReminderDays", "abc")
                .param("overduePause", "true")
                .param("overduePauseDays", "30")
                .with(fixture.signedIn(org.owner()))
                .with(csrf()));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.response().getContentAsString(StandardCharsets.UTF_8))
                .contains("Enter 1 to 365 days.")
                .contains("Enter a whole number of days.");
        assertThat(preferences.settings(org.id())).isEqualTo(RenewalSettings.DEFAULTS);

        Answer saved = send(post("/settings/renewals")
                .param("renewalInvoiceDays", "21")
                .param("overdueReminderDays", "3")
                .param("overduePause", "true")
                .param("overduePauseDays", "45")
                .with(fixture.signedIn(org.owner()))
                .with(csrf()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(preferences.settings(org.id())).isEqualTo(new RenewalSettings(21, 3, true, 45));
        assertThat(auditLog.page(org.owner(), AuditFilter.ANY, AuditPageRequest.first(10))
                        .entries())
                .as("the audit log records the change, before and after")
                .filteredOn(entry -> entry.action().equals("RENEWAL_SETTINGS_CHANGED"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.changes()).anySatisfy(change -> {
                    assertThat(change.field()).isEqualTo("renewalInvoiceDays");
                    assertThat(change.before()).isEqualTo("14");
                    assertThat(change.after()).isEqualTo("21");
                }));
    }

    @Test
    void aClientTurnsRemindersOffAndOnForThemselvesOnly() throws Exception {
        send(post("/portal/profile/reminders")
                .with(fixture.signedIn(org.alice()))
                .with(csrf()));
        assertThat(preferences.remindersOff(org.alice())).isTrue();
        assertThat(preferences.remindersOff(org.bob())).isFalse();
        Answer page = send(get("/portal/profile").with(fixture.signedIn(org.alice())));
        assertThat(page.response().getContentAsString(StandardCharsets.UTF_8)).contains("Invoices always reach you");

        send(post("/portal/profile/reminders")
                .param("reminders", "on")
                .with(fixture.signedIn(org.alice()))
                .with(csrf()));
        assertThat(preferences.remindersOff(org.alice())).isFalse();
    }

    @Test
    void thePortalSaysWhetherALicenceRenews() throws Exception {
        Plan renewing =
                plans.addPlan(org.owner(), new NewPlan("Renewing", Period.ofMonths(1), new BigDecimal("10.00"), true));
        long renews = testLicences.activated(
                org.owner(),
                renewing,
                org.alice().userId(),
                "Renews",
                testLicences.today().minusDays(3));

        String mine = send(get("/portal/licences/{id}", renews).with(fixture.signedIn(org.alice())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);
        String notRenewing = send(get("/portal/licences/{id}", active).with(fixture.signedIn(org.alice())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(mine).contains("Yes, by itself");
        assertThat(notRenewing).contains("ask your account manager to renew it");
    }

    /**
     * A licence the renewal cycle paused for its overdue renewal invoice told its client "Your account manager has
     * paused this licence … Ask your account manager if you did not expect this": not why, nor that paying the invoice
     * resumes it. It says so, in English and in French, and that the account manager voiding it resumes it too
     * (decision 0128); a licence a person paused keeps its words.
     */
    @Test
    void thePortalSaysALicencePausedForAnOverdueInvoiceResumesOnceItIsPaidOrVoided() throws Exception {
        long byHand = testLicences.activated(
                org.owner(),
                yearly,
                org.alice().userId(),
                "By hand",
                testLicences.today().minusMonths(2));
        licences.pause(org.manager(), byHand);
        licences.chooseAutoRenew(org.manager(), active, true);
        transactions.executeWithoutResult(status -> licences.pauseForOverdue(RenewalCycle.system(org.id()), active));

        assertThat(portal("/portal/licences/" + active, "en"))
                .contains("This licence is paused because its renewal invoice is overdue")
                // Voiding the invoice resumes it too since decision 0128: the portal said paying was the only way.
                .contains("It resumes once that invoice is recorded as paid, or if your account manager voids it.")
                .contains("Yes, once the licence resumes (that invoice paid, or voided by your account manager)")
                .doesNotContain("Your account manager has paused this licence", "once your account manager resumes it");
        assertThat(portal("/portal/licences/" + active, "fr"))
                .contains("Cette licence est suspendue car sa facture de renouvellement est en retard")
                .contains("Elle reprend dès que cette facture est enregistrée comme payée, ou si votre chargé de compte"
                        + " l’annule.")
                .contains(
                        "Oui, une fois la licence reprise (cette facture payée, ou annulée par votre chargé de compte)");
        assertThat(portal("/portal/licences/" + byHand, "en"))
                .contains("Your account manager has paused this licence")
                .doesNotContain("renewal invoice is overdue");
        // the portal's API says which, as its pages do
        String client = fixture.token(org.alice());
        assertThat(send(get("/api/v1/portal/licences/{id}", active).with(bearer(client)))
                        .body()
                        .get("pauseReason")
                        .asString())
                .isEqualTo("overdue");
        assertThat(send(get("/api/v1/portal/licences/{id}", byHand).with(bearer(client)))
                        .body()
                        .get("pauseReason")
                        .asString())
                .isEqualTo("manual");
    }

    /**
     * A licence paused for its overdue renewal invoice whose term then ended is Expired, and Resume is refused for it.
     * Renewed by hand once its client paid, its new term started Paused: its screens refused, and the console and the
     * portal said the (paid) invoice held it. The pause ends with the term it stopped (decision 0180).
     */
    @Test
    void aLicencePausedWhenItsTermEndedRunsOnceRenewedByHand() throws Exception {
        licences.chooseAutoRenew(org.manager(), active, true);
        transactions.executeWithoutResult(status -> licences.pauseForOverdue(RenewalCycle.system(org.id()), active));
        LocalDate end = licences.details(org.manager(), active).endsOn();
        clock.advance(
                java.time.Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(testLicences.today(), end) + 1));
        assertThat(licences.details(org.manager(), active).status())
                .isEqualTo(io.licencedesk.licence.LifecycleStatus.EXPIRED);

        MvcResult renewed = mvc.perform(post("/licences/{id}/renew", active)
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andReturn();

        assertThat(renewed.getResponse().getStatus()).isEqualTo(302);
        LicenceDetails now = licences.details(org.manager(), active);
        assertThat(now.renewal().termNumber()).isEqualTo(2);
        assertThat(now.status()).isEqualTo(io.licencedesk.licence.LifecycleStatus.ACTIVE);
        assertThat(now.renewal().pausedForOverdue()).isFalse();
        assertThat(portal("/portal/licences/" + active, "en"))
                .doesNotContain("This licence is paused because its renewal invoice is overdue")
                .doesNotContain("Your account manager has paused this licence");
        Answer api = send(get("/api/v1/licences/{id}", active).with(bearer(fixture.token(org.manager()))));
        assertThat(api.body().get("status").asString()).isEqualTo("active");
    }

    /**
     * A plan's price changed after a licence on it began its term: the licence keeps its price for that term, and its
     * next term, whether it renews by itself or by hand, costs the plan's price on the day it renews (decision 0048).
     * The licence page named only the term's own price, so the renewal invoice's new amount came as a surprise. It says
     * what the next term is priced at today (decision 0180), and says nothing while the two agree.
     */
    @Test
    void theLicencePageSaysTheNextTermIsPricedOnTheDayItRenews() throws Exception {
        String before = send(get("/licences/{id}", active).with(fixture.signedIn(org.manager())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);
        plans.updatePlan(
                org.owner(), yearly.id(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("150.00"), false));

        String after = send(get("/licences/{id}", active).with(fixture.signedIn(org.manager())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(before).doesNotContain("Its next term is priced on the day it renews");
        assertThat(after)
                .contains("€100.00 per screen: the price of its plan when the licence was created")
                .contains("Its next term is priced on the day it renews: plan Yearly costs €150.00 per screen today.");
        send(post("/licences/{id}/renew", active)
                .with(fixture.signedIn(org.manager()))
                .with(csrf()));
        assertThat(licences.details(org.manager(), active).unitPrice().formatted())
                .isEqualTo("€150.00");
    }

    /**
     * The renew dialog of a licence whose running term's invoice was voided said "Its running term is not invoiced
     * yet … e-mail its client the invoices of both terms", and the renewal invoiced that term again. A voided term stays
     * as the manager left it (decision 0180): the dialog and the toast name the next term's invoice only.
     */
    @Test
    void renewingALicenceWhoseTermsInvoiceWasVoidedInvoicesOnlyTheNextTerm() throws Exception {
        Invoice first = invoicing.send(org.manager(), List.of(active)).only();
        invoicing.voidInvoice(org.manager(), first.id(), "This term is free");

        String page = send(get("/licences/{id}", active).with(fixture.signedIn(org.manager())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);
        MvcResult renewed = mvc.perform(post("/licences/{id}/renew", active)
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andReturn();

        assertThat(page).doesNotContain("Its running term is not invoiced yet").contains("and e-mail the invoice");
        assertThat(renewed.getFlashMap().toString()).doesNotContain("the term that was running");
        assertThat(invoicing.forLicence(org.manager(), active))
                .extracting(invoice -> invoice.line().termNumber())
                .containsExactlyInAnyOrder(1, 2);
    }

    /**
     * The renew dialog asked to "Renew … for 1 year from 6 Dec 2026", the current term's last day, while the next term
     * starts the day after it (decision 0137). It names that first day (decision 0180).
     */
    @Test
    void theRenewDialogNamesTheNextTermsFirstDay() throws Exception {
        LocalDate end = licences.details(org.manager(), active).endsOn();
        var day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

        String page = send(get("/licences/{id}", active).with(fixture.signedIn(org.manager())))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains(" from " + day.format(end.plusDays(1)) + " at €100.00 per screen")
                .doesNotContain(" from " + day.format(end) + " at ");
    }

    private String portal(String path, String language) throws Exception {
        return send(get(path).with(fixture.signedIn(org.alice())).header("Accept-Language", language))
                .response()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
