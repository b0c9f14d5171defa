package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.devices.TestScreens;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceOverview;
import io.licencedesk.invoicing.InvoiceSearch;
import io.licencedesk.licence.EndingLicence;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceOverview;
import io.licencedesk.licence.LicenceOverview.StatusCount;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.RecurringRevenue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Money;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff dashboard on known data: every figure, the list each of its numbers links to (which must show as many
 * licences or invoices, adding up to the same amount), another organisation's data never counted, and who may see it.
 */
@IntegrationTest
@MovableTime
class ConsoleDashboardIntegrationTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Pattern FIGURE_LINK =
            Pattern.compile("<a [^>]*?href=\"([^\"]*)\"[^>]*?data-value=\"([^\"]*)\"");
    private static final Pattern LICENCE_COUNT = Pattern.compile("id=\"licence-count\">([\\d,]+) licences?<");
    private static final Pattern INVOICE_COUNT = Pattern.compile(">([\\d,]+) invoices?</p>");

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    TestScreens screens;

    @Autowired
    ScreenManagement screenManagement;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    InvoiceSearch invoiceSearch;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    TestOrganisation other;
    LocalDate today;
    Plan monthly;
    Plan yearly;
    /** The licences in use some day, for the expected recurring revenue: activation, end, monthly amount. */
    final List<Object[]> used = new ArrayList<>();

    long cafe;
    long reception;
    long bar;
    long atrium;
    Invoice kiosk;
    Invoice totem;
    Invoice cafeInvoice;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        today = testLicences.today();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
        long alice = org.alice().userId();
        long bob = org.bob().userId();

        create(monthly, "Spare A", 2, null);
        create(monthly, "Spare B", 1, null);
        long kioskLicence = create(monthly, "Kiosk", 3, alice);
        long totemLicence = create(yearly, "Totem", 4, bob);
        cafe = activated(monthly, alice, "Café menu", today.minusDays(10));
        reception = activated(yearly, bob, "Reception", today.minusDays(100));
        bar = activated(monthly, bob, "Bar", today.minusDays(20));
        atrium = activated(yearly, alice, "Atrium", today.minusDays(360));
        long window = testLicences.activated(org.owner(), monthly, bob, "Window", today.minusDays(3));
        licences.pause(org.manager(), window);
        long oldLobby = activated(monthly, alice, "Old lobby", today.minusDays(75));
        // Renews: Bar by its own setting, Atrium by its plan's; Café by neither.
        jdbc.sql("update licence set auto_renew = true where id = ?").param(bar).update();
        jdbc.sql("update plan set auto_renew = true where id = ?")
                .param(yearly.id())
                .update();
        jdbc.sql("update licence set auto_renew = false where id = ?")
                .param(cafe)
                .update();

        Instant now = clock.instant();
        screens.checkedIn(screen(cafe, "Till").id(), now.minus(Duration.ofHours(1)));
        screens.checkedIn(screen(reception, "Desk").id(), now.minus(Duration.ofHours(25)));
        screen(bar, "Shelf");
        var gone = screen(atrium, "Ceiling");
        screenManagement.remove(org.alice(), atrium, gone.id());
        screens.checkedIn(screen(oldLobby, "Wall").id(), now);
        screens.checkedIn(screen(window, "Glass").id(), now);

        // Issued 45 days ago (due 15 days ago): Kiosk's stays unpaid, Totem's is paid that day.
        clock.advance(Duration.ofDays(-45));
        var early = invoicing
                .send(org.manager(), List.of(kioskLicence, totemLicence))
                .issued();
        kiosk = invoiceOf(early, kioskLicence);
        totem = invoicing.markPaid(org.manager(), invoiceOf(early, totemLicence).id(), testLicences.today(), "T-1");
        clock.reset();
        // Issued today: Café's paid today, Reception's voided.
        var late = invoicing.send(org.manager(), List.of(cafe, reception)).issued();
        cafeInvoice = invoicing.markPaid(org.manager(), invoiceOf(late, cafe).id(), today, "C-1");
        invoicing.voidInvoice(org.manager(), invoiceOf(late, reception).id(), "Sent by mistake");

        // Another organisation with a little of everything, which must never count.
        Plan theirs = fixture.monthlyPlan(other);
        long stranger =
                testLicences.activated(other.owner(), theirs, other.alice().userId(), "Theirs", today);
        screens.checkedIn(
                screens.insert(other.id(), stranger, "Their screen", TestScreens.newCredential())
                        .id(),
                clock.instant());
        licences.create(other.manager(), new NewLicence(theirs.id(), "Their spare", null, 9, null));
        clock.advance(Duration.ofDays(-60));
        invoicing.send(other.manager(), List.of(stranger));
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long create(Plan plan, String name, int screens, Long clientId) {
        return licences.create(org.manager(), new NewLicence(plan.id(), name, null, screens, clientId))
                .id();
    }

    long activated(Plan plan, long clientId, String name, LocalDate on) {
        long id = testLicences.activated(org.owner(), plan, clientId, name, on);
        BigDecimal amount = plan.unitPrice().amount();
        BigDecimal months = BigDecimal.valueOf(plan.term().toTotalMonths());
        used.add(new Object[] {on, on.plus(plan.term()), amount.divide(months, 10, RoundingMode.HALF_UP)});
        return id;
    }

    io.licencedesk.devices.Screen screen(long licenceId, String name) {
        return screens.insert(org.id(), licenceId, name, TestScreens.newCredential());
    }

    static Invoice invoiceOf(List<Invoice> invoices, long licenceId) {
        return invoices.stream()
                .filter(invoice -> invoice.line().licenceId() == licenceId)
                .findFirst()
                .orElseThrow();
    }

    MvcResult dashboard(TestOrganisation of) throws Exception {
        return mvc.perform(get("/dashboard").with(fixture.signedIn(of.manager())))
                .andExpect(status().isOk())
                .andReturn();
    }

    static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void countsLicencesByStatusWithTheScreensOfTheActiveOnes() throws Exception {
        var overview =
                (LicenceOverview) dashboard(org).getModelAndView().getModel().get("licences");

        assertThat(overview.byStatus())
                .containsExactly(
                        new StatusCount(LifecycleStatus.AVAILABLE, 2),
                        new StatusCount(LifecycleStatus.ASSIGNED, 2),
                        new StatusCount(LifecycleStatus.ACTIVE, 4),
                        new StatusCount(LifecycleStatus.PAUSED, 1),
                        new StatusCount(LifecycleStatus.EXPIRED, 1));
        assertThat(overview.total()).isEqualTo(10);
        assertThat(overview.activeScreens()).isEqualTo(4);
    }

    @Test
    void countsTheScreensRegisteredAndSeenOnActiveLicencesOnly() throws Exception {
        var result = dashboard(org);
        var screenUse = (io.licencedesk.devices.ScreenUse)
                result.getModelAndView().getModel().get("screens");

        // Till (seen an hour ago), Desk (25 hours ago) and Shelf (never); not the removed one, nor those of the
        // expired and the paused licence, nor the other organisation's.
        assertThat(screenUse.registered()).isEqualTo(3);
        assertThat(screenUse.seen()).isEqualTo(1);
    }

    @Test
    void countsTheScreensOfALicenceByWhatItIsNow() throws Exception {
        licences.pause(org.manager(), cafe);
        assertThat(screenUse()).containsExactly(2L, 0L);

        licences.resume(org.manager(), cafe);
        jdbc.sql("update licence set ends_on = ? where id = ?")
                .params(java.sql.Date.valueOf(today.minusDays(1)), reception)
                .update();
        assertThat(screenUse()).containsExactly(2L, 1L);

        jdbc.sql("update licence set ends_on = ? where id = ?")
                .params(java.sql.Date.valueOf(today.plusYears(1)), reception)
                .update();
        assertThat(screenUse()).containsExactly(3L, 1L);
    }

    List<Long> screenUse() throws Exception {
        var use = (io.licencedesk.devices.ScreenUse)
                dashboard(org).getModelAndView().getModel().get("screens");
        return List.of(use.registered(), use.seen());
    }

    @Test
    void listsTheLicencesEndingSoonWithWhetherTheyRenew() throws Exception {
        var overview =
                (LicenceOverview) dashboard(org).getModelAndView().getModel().get("licences");

        assertThat(overview.expiringSoon()).isEqualTo(3);
        assertThat(overview.expiringSoonDays()).isEqualTo(30);
        assertThat(overview.ending()).extracting(EndingLicence::name).containsExactly("Atrium", "Bar", "Café menu");
        assertThat(overview.ending()).extracting(EndingLicence::renews).containsExactly(true, true, false);
        assertThat(html(dashboard(org))).contains(">Renews<", ">Does not renew<");
    }

    /**
     * The window's edges (decision 0141): from today to the day 30 days after, both included. The tile names those two
     * days, counts the licences ending on them, and the list it links to shows the same licences and names the same
     * days.
     */
    @Test
    void countsTheWindowFromTodayToItsLastDayBothIncludedAndSaysItsDays() throws Exception {
        var edges = organisations.create();
        Plan plan = fixture.monthlyPlan(edges);
        long client = edges.alice().userId();
        endingOn(edges, plan, client, "Ends today", today);
        endingOn(edges, plan, client, "Ends on day 30", today.plusDays(30));
        endingOn(edges, plan, client, "Ends on day 31", today.plusDays(31));
        endingOn(edges, plan, client, "Ended yesterday", today.minusDays(1));

        var result = mvc.perform(get("/dashboard").with(fixture.signedIn(edges.manager())))
                .andExpect(status().isOk())
                .andReturn();
        var overview = (LicenceOverview) result.getModelAndView().getModel().get("licences");

        assertThat(overview.expiringSoon()).isEqualTo(2);
        assertThat(overview.ending()).extracting(EndingLicence::name).containsExactly("Ends today", "Ends on day 30");
        var day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
        String dates = "From today, " + day.format(today) + ", to " + day.format(today.plusDays(30)) + " inclusive";
        assertThat(HtmlUtils.htmlUnescape(html(result))).contains(dates);

        String list = HtmlUtils.htmlUnescape(
                html(mvc.perform(get("/licences?soon=true&sort=ends&dir=asc").with(fixture.signedIn(edges.manager())))
                        .andExpect(status().isOk())
                        .andReturn()));
        assertThat(list)
                .contains("id=\"licence-count\">2 licences<", "Ends today", "Ends on day 30")
                .doesNotContain("Ends on day 31", "Ended yesterday")
                .contains("Expiring soon: active licences ending from today, " + day.format(today) + ", to "
                        + day.format(today.plusDays(30)) + " inclusive.");
        String french = HtmlUtils.htmlUnescape(html(
                mvc.perform(get("/dashboard").header("Accept-Language", "fr").with(fixture.signedIn(edges.manager())))
                        .andExpect(status().isOk())
                        .andReturn()));
        var jour = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.FRENCH);
        assertThat(french)
                .contains("Du " + jour.format(today) + " (aujourd’hui) au " + jour.format(today.plusDays(30))
                        + " inclus");
    }

    void endingOn(TestOrganisation of, Plan plan, long client, String name, LocalDate endsOn) {
        long id = testLicences.activated(of.owner(), plan, client, name, today.minusDays(20));
        jdbc.sql("update licence set ends_on = ? where id = ?")
                .param(endsOn)
                .param(id)
                .update();
    }

    @Test
    void addsUpRecurringRevenueAtEachMonthsEndAndToday() throws Exception {
        var overview =
                (LicenceOverview) dashboard(org).getModelAndView().getModel().get("licences");

        List<RecurringRevenue> months = overview.recurringRevenue();
        assertThat(months).hasSize(12);
        assertThat(months.get(11).on()).isEqualTo(today);
        assertThat(months.get(10).on())
                .isEqualTo(YearMonth.from(today).minusMonths(1).atEndOfMonth());
        for (RecurringRevenue month : months) {
            BigDecimal expected = BigDecimal.ZERO;
            long inUse = 0;
            for (Object[] licence : used) {
                if (!((LocalDate) licence[0]).isAfter(month.on()) && !((LocalDate) licence[1]).isBefore(month.on())) {
                    expected = expected.add((BigDecimal) licence[2]);
                    inUse++;
                }
            }
            assertThat(month.monthly())
                    .as(month.on().toString())
                    .isEqualTo(Money.of(expected.setScale(2, RoundingMode.HALF_UP), EUR));
            assertThat(month.licences()).as(month.on().toString()).isEqualTo(inUse);
        }
        // Café and Bar (10.00 a month each), Reception and Atrium (100.00 a year each); not the paused Window.
        assertThat(overview.currentRevenue().monthly()).isEqualTo(new Money(3667, EUR));
        assertThat(overview.currentRevenue().licences()).isEqualTo(4);
    }

    @Test
    void addsUpInvoicedAndPaidByMonthAndWhatIsOverdue() throws Exception {
        var overview =
                (InvoiceOverview) dashboard(org).getModelAndView().getModel().get("invoices");

        assertThat(overview.months()).hasSize(12);
        var byMonth = new LinkedHashMap<YearMonth, InvoiceOverview.Month>();
        overview.months().forEach(month -> byMonth.put(month.month(), month));
        YearMonth earlier = YearMonth.from(today.minusDays(45));
        YearMonth now = YearMonth.from(today);
        assertThat(byMonth.keySet()).contains(earlier, now).last().isEqualTo(now);
        var then = byMonth.get(earlier);
        assertThat(then.invoiced())
                .isEqualTo(kiosk.totals().total().plus(totem.totals().total()));
        assertThat(then.invoicedCount()).isEqualTo(2);
        assertThat(then.paid()).isEqualTo(totem.totals().total());
        assertThat(then.paidCount()).isEqualTo(1);
        var current = byMonth.get(now);
        // Reception's invoice is void: it counts for nothing.
        assertThat(current.invoiced()).isEqualTo(cafeInvoice.totals().total());
        assertThat(current.paid()).isEqualTo(cafeInvoice.totals().total());
        byMonth.forEach((month, figures) -> {
            if (!month.equals(earlier) && !month.equals(now)) {
                assertThat(figures.invoicedCount() + figures.paidCount())
                        .as(month.toString())
                        .isZero();
            }
        });
        assertThat(overview.overdue()).isEqualTo(kiosk.totals().total());
        assertThat(overview.overdueInvoices()).isEqualTo(1);
    }

    /** Each number on the page is a link; the list it opens shows that many licences, or invoices adding up to it. */
    @Test
    void linksEveryNumberToAListThatShowsAsMany() throws Exception {
        var result = dashboard(org);
        var licenceFigures =
                (LicenceOverview) result.getModelAndView().getModel().get("licences");
        var invoiceFigures =
                (InvoiceOverview) result.getModelAndView().getModel().get("invoices");
        var matcher = FIGURE_LINK.matcher(html(result));
        int statusLinks = 0;
        int revenueLinks = 0;
        int invoiceLinks = 0;
        while (matcher.find()) {
            String href = HtmlUtils.htmlUnescape(matcher.group(1));
            BigDecimal value = new BigDecimal(matcher.group(2));
            Map<String, String> query = UriComponentsBuilder.fromUriString(href)
                    .build()
                    .getQueryParams()
                    .toSingleValueMap();
            if (href.startsWith("/invoices")) {
                invoiceLinks++;
                assertThat(listedTotal(href)).as(href).isEqualByComparingTo(value);
            } else if (query.containsKey("inUseOn")) {
                revenueLinks++;
                var month = licenceFigures.recurringRevenue().stream()
                        .filter(revenue -> revenue.on().toString().equals(query.get("inUseOn")))
                        .findFirst()
                        .orElseThrow();
                assertThat(value).isEqualByComparingTo(month.monthly().amount());
                assertThat(listedLicences(href)).as(href).isEqualTo(month.licences());
            } else if ("quantity".equals(query.get("sort"))) {
                // The screens licensed: the active licences' screens added up, the biggest first.
                assertThat(value.longValueExact()).isEqualTo(licenceFigures.activeScreens());
                assertThat(listedLicences(href)).isEqualTo(licenceFigures.active());
            } else {
                statusLinks++;
                assertThat(href).startsWith("/licences?status=");
                assertThat(listedLicences(href)).as(href).isEqualTo(value.longValueExact());
            }
        }
        assertThat(statusLinks).isEqualTo(5);
        assertThat(revenueLinks).isEqualTo(12);
        assertThat(invoiceLinks).isEqualTo(24);
        String page = html(result);
        assertThat(page)
                .contains("href=\"/licences?status=active\"")
                .contains("href=\"/invoices?status=overdue\"")
                .contains("href=\"/licences?soon=true&amp;sort=ends&amp;dir=asc\"");
        assertThat(listedInvoices("/invoices?status=overdue")).isEqualTo(invoiceFigures.overdueInvoices());
        assertThat(listedTotal("/invoices?status=overdue"))
                .isEqualByComparingTo(invoiceFigures.overdue().amount());
        assertThat(listedLicences("/licences?soon=true&sort=ends&dir=asc")).isEqualTo(licenceFigures.expiringSoon());
        assertThat(listedLicences("/licences?inUseOn=" + today)).isEqualTo(licenceFigures.active());
    }

    long listedLicences(String href) throws Exception {
        String list = html(mvc.perform(get(href).with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andReturn());
        var count = LICENCE_COUNT.matcher(list);
        assertThat(count.find()).as(href).isTrue();
        return Long.parseLong(count.group(1).replace(",", ""));
    }

    long listedInvoices(String href) throws Exception {
        String list = html(mvc.perform(get(href).with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andReturn());
        var count = INVOICE_COUNT.matcher(list);
        assertThat(count.find()).as(href).isTrue();
        return Long.parseLong(count.group(1).replace(",", ""));
    }

    /** The invoices the page at this address lists (every page), their totals added up. */
    BigDecimal listedTotal(String href) throws Exception {
        Map<String, String> query = UriComponentsBuilder.fromUriString(href)
                .build()
                .getQueryParams()
                .toSingleValueMap();
        var params = new InvoiceListParams(query.get("status"), null, query.get("issued"), query.get("paid"), null);
        var page = invoiceSearch.invoices(org.manager(), params.filter(), 1, 1000);
        assertThat(page.total()).isEqualTo(listedInvoices(href));
        return page.items().stream()
                .map(invoice -> invoice.totals().total().amount())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Test
    void theListsAndTheirExportsFollowTheNewFilters() throws Exception {
        var manager = fixture.signedIn(org.manager());
        String paused = html(mvc.perform(
                        get("/licences/export.csv").param("status", "paused").with(manager))
                .andReturn());
        assertThat(paused.lines()).hasSize(2);
        assertThat(paused).contains(",Window,");
        String list = html(mvc.perform(get("/licences")
                        .param("inUseOn", today.minusDays(60).toString())
                        .with(manager))
                .andReturn());
        // 60 days ago only Reception, Atrium and Old lobby were in use; the filter shows, and can be removed.
        assertThat(list)
                .contains(">3 licences<", "Old lobby", "Reception", "Atrium")
                .doesNotContain("Café menu");
        assertThat(list).containsPattern("aria-pressed=\"true\"[^>]*>In use on ");
        String overdue = html(mvc.perform(
                        get("/invoices/export.csv").param("status", "overdue").with(manager))
                .andReturn());
        assertThat(overdue.lines()).hasSize(2);
        assertThat(overdue).contains(kiosk.number());
        String paidEarlier = html(mvc.perform(get("/invoices")
                        .param("status", "PAID")
                        .param("paid", YearMonth.from(today.minusDays(45)).toString())
                        .with(manager))
                .andReturn());
        assertThat(paidEarlier).contains(">1 invoice<", totem.number()).doesNotContain(cafeInvoice.number());
        assertThat(html(mvc.perform(get("/licences")
                                .param("status", "nonsense")
                                .param("inUseOn", "yesterday")
                                .with(manager))
                        .andExpect(status().isOk())
                        .andReturn()))
                .contains(">10 licences<");
    }

    @Test
    void showsEachOrganisationOnlyItsOwnFigures() throws Exception {
        var result = dashboard(other);
        var theirs = (LicenceOverview) result.getModelAndView().getModel().get("licences");
        var theirInvoices =
                (InvoiceOverview) result.getModelAndView().getModel().get("invoices");
        var theirScreens = (io.licencedesk.devices.ScreenUse)
                result.getModelAndView().getModel().get("screens");

        assertThat(theirs.total()).isEqualTo(2);
        assertThat(theirs.active()).isEqualTo(1);
        assertThat(theirs.activeScreens()).isEqualTo(1);
        assertThat(theirScreens.registered()).isEqualTo(1);
        assertThat(theirScreens.seen()).isEqualTo(1);
        assertThat(theirInvoices.overdueInvoices()).isEqualTo(1);
        assertThat(theirInvoices.months().stream()
                        .mapToLong(InvoiceOverview.Month::invoicedCount)
                        .sum())
                .isEqualTo(1);
        assertThat(html(result)).doesNotContain("Café menu", "Atrium", "Bar<");
        assertThat(html(dashboard(org))).doesNotContain("Theirs", "Their spare");
    }

    @Test
    void isTheHomePageOfStaffOnly() throws Exception {
        mvc.perform(get("/").with(fixture.signedIn(org.manager())))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/dashboard"));
        mvc.perform(get("/").with(fixture.signedIn(org.owner())))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/dashboard"));
        mvc.perform(get("/").with(fixture.signedIn(org.alice()))).andExpect(redirectedUrl("/portal"));
        mvc.perform(get("/dashboard").with(fixture.signedIn(org.alice()))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void linksToTheLicenceListAndNamesItselfInTheNavigation() throws Exception {
        String page = html(dashboard(org));

        assertThat(page).contains("<a class=\"btn btn-primary\" href=\"/licences\">Licence list</a>");
        assertThat(page)
                .containsPattern("<a class=\"nav-link active\" href=\"/\"[^>]*aria-current=\"page\">Dashboard</a>");
    }
}
