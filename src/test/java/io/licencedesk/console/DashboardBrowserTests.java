package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff dashboard as an account manager sees it after signing in: its charts drawn, and its numbers leading to
 * lists that show as many licences or invoices.
 */
@BrowserTest
@MovableTime
@TestInstance(Lifecycle.PER_CLASS)
class DashboardBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        Plan yearly = fixture.yearlyPlan(org);
        LocalDate today = testLicences.today();
        long alice = org.alice().userId();
        long bob = org.bob().userId();
        for (int i = 1; i <= 3; i++) {
            licences.create(org.manager(), new NewLicence(monthly.id(), "Spare " + i, null, i, null));
        }
        long kiosk = licences.create(org.manager(), new NewLicence(yearly.id(), "Kiosk", null, 2, alice))
                .id();
        long totem = licences.create(org.manager(), new NewLicence(yearly.id(), "Totem", null, 1, bob))
                .id();
        testLicences.activated(org.owner(), monthly, alice, "Café menu", today.minusDays(12));
        testLicences.activated(org.owner(), yearly, bob, "Reception", today.minusDays(200));
        long window = testLicences.activated(org.owner(), monthly, bob, "Window", today.minusDays(2));
        licences.pause(org.manager(), window);
        testLicences.activated(org.owner(), monthly, alice, "Old lobby", today.minusDays(70));
        clock.advance(Duration.ofDays(-40));
        invoicing.send(org.manager(), List.of(kiosk));
        clock.reset();
        var paid = invoicing.send(org.manager(), List.of(totem)).issued().get(0);
        invoicing.markPaid(org.manager(), paid.id(), today, "P-1");
    }

    /** Signs in with the form: staff land on the dashboard, at the console's own address. */
    Page dashboard(Page page, List<String> problems) {
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") || message.type().equals("warning")) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
        SignIn.throughTheForm(page, org.manager().email());
        assertThat(page).hasURL(Pattern.compile("^http://localhost:\\d+/$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        // The charts' script closes each chart's table of figures once it has drawn the chart: a test that opened
        // a table before then saw it closed again (as a person clicking that early would).
        assertThat(page.locator(".chart.is-drawn")).hasCount(4);
        return page;
    }

    static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    static Locator figures(Page page, String table) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(table));
    }

    @Test
    void drawsEveryChartFromItsFiguresAndFoldsTheTables(Page page) {
        List<String> problems = new CopyOnWriteArrayList<>();
        dashboard(page, problems);

        Locator charts = page.locator("[data-chart]");
        assertThat(charts).hasCount(4);
        for (int i = 0; i < 4; i++) {
            assertThat(charts.nth(i).locator("svg")).hasCount(1);
            assertThat(charts.nth(i)).isVisible();
        }
        // Five bars in the status chart, in the statuses' colours; a chart's table is folded once it is drawn.
        assertThat(charts.first().locator("path[fill='#40c057']")).hasCount(1);
        // Every bar is named, on a phone too: ECharts dropped every other name when they did not fit on one line.
        for (int width : new int[] {390, 1366}) {
            page.setViewportSize(width, 844);
            page.waitForFunction("() => document.querySelectorAll('[data-chart] svg').length === 4");
            Assertions.assertThat(charts.nth(0).locator("text").allTextContents())
                    .as("the status chart's names at %d px", width)
                    .contains("Available", "Assigned", "Active", "Paused", "Expired");
            Assertions.assertThat(String.join(" ", charts.nth(1).locator("text").allTextContents()))
                    .as("the screens chart's names at %d px", width)
                    .contains("Licensed", "Registered", "Seen in");
        }
        page.setViewportSize(1366, 800);
        assertThat(figures(page, "Licences by status")).not().isVisible();
        page.getByText("The figures").first().click();
        assertThat(figures(page, "Licences by status")).isVisible();
        assertThat(link(page, "Licence list")).isVisible();
        assertThat(link(page, "Dashboard")).hasAttribute("aria-current", "page");
        Screenshots.save(page, "dashboard.png");
        Assertions.assertThat(problems).isEmpty();
    }

    @Test
    void followsTheActiveLicencesToTheListThatShowsAsMany(Page page) {
        dashboard(page, new CopyOnWriteArrayList<>());
        Locator tile = page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Active licences: ")));
        String count = tile.innerText().replaceAll("(?s).*:", "").strip();
        Assertions.assertThat(count).isEqualTo("2");

        tile.click();

        assertThat(page).hasURL(Pattern.compile(".*/licences\\?status=active$"));
        assertThat(page.getByText(count + " licences", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByLabel("Status")).hasValue("active");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Café menu")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Window")))
                .hasCount(0);
    }

    /**
     * The ending tile says its two days and counts the licences ending on them, today's and the 30th day's included;
     * the list it opens shows as many rows and names the same days (decision 0141).
     */
    @Test
    void followsTheEndingTileToAListOfAsManyRowsWithTheSameDays(Page page) {
        var edges = organisations.create();
        Plan monthly = fixture.monthlyPlan(edges);
        LocalDate today = testLicences.today();
        String[] names = {"Ends today", "Ends on day 30", "Ends on day 31"};
        int[] days = {0, 30, 31};
        for (int i = 0; i < names.length; i++) {
            long id = testLicences.activated(
                    edges.owner(), monthly, edges.alice().userId(), names[i], today.minusDays(20));
            jdbc.sql("update licence set ends_on = ? where id = ?")
                    .param(today.plusDays(days[i]))
                    .param(id)
                    .update();
        }
        SignIn.throughTheForm(page, edges.manager().email());
        var day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        String window = "From today, " + day.format(today) + ", to " + day.format(today.plusDays(30)) + " inclusive";
        assertThat(page.locator("#ending-window")).hasText(window);
        Locator tile = page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Ending in the next 30 days: ")));
        String count = tile.innerText().replaceAll("(?s).*:", "").strip();
        Assertions.assertThat(count).isEqualTo("2");

        tile.click();

        assertThat(page).hasURL(Pattern.compile(".*/licences\\?soon=true&sort=ends&dir=asc$"));
        assertThat(page.locator("#licence-count")).hasText(count + " licences");
        assertThat(page.locator("table.licence-table tbody tr")).hasCount(Integer.parseInt(count));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ends today")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ends on day 30")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ends on day 31")))
                .hasCount(0);
        assertThat(page.locator("#soon-window"))
                .hasText("Expiring soon: active licences ending from today, " + day.format(today) + ", to "
                        + day.format(today.plusDays(30)) + " inclusive.");
    }

    @Test
    void followsEachStatusInTheFiguresToItsList(Page page) {
        dashboard(page, new CopyOnWriteArrayList<>());
        for (String status : List.of("Available", "Assigned", "Paused", "Expired")) {
            page.getByText("The figures").first().click();
            Locator number = figures(page, "Licences by status")
                    .getByRole(
                            AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + status + " ")))
                    .getByRole(AriaRole.LINK);
            String count = number.innerText().strip();

            number.click();

            assertThat(page).hasURL(Pattern.compile(".*/licences\\?status=" + status.toLowerCase() + "$"));
            String listed = count.equals("1") ? "1 licence" : count + " licences";
            assertThat(page.getByText(listed, new Page.GetByTextOptions().setExact(true)))
                    .isVisible();
            page.goBack();
        }
    }

    @Test
    void followsABarOfTheChartToItsList(Page page) {
        dashboard(page, new CopyOnWriteArrayList<>());

        page.locator("[data-chart]").first().locator("path[fill='#fa5252']").click();

        assertThat(page).hasURL(Pattern.compile(".*/licences\\?status=expired$"));
        assertThat(page.getByText("1 licence", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
    }

    @Test
    void followsTheRevenueAndTheOverdueAmountToTheirLists(Page page) {
        dashboard(page, new CopyOnWriteArrayList<>());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Recurring revenue: ")))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/licences\\?inUseOn=\\d{4}-\\d{2}-\\d{2}$"));
        assertThat(page.getByText("2 licences", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^In use on "))))
                .hasAttribute("aria-pressed", "true");

        page.goBack();
        Locator overdue =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Overdue: ")));
        assertThat(overdue).containsText("€200.00");
        overdue.click();
        assertThat(page).hasURL(Pattern.compile(".*/invoices\\?status=overdue$"));
        assertThat(page.getByText("1 invoice", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kiosk")))
                .isVisible();
    }

    @Test
    void showsTheLicencesEndingSoonAndWhetherTheyRenew(Page page) {
        dashboard(page, new CopyOnWriteArrayList<>());
        Locator ending = figures(page, "The active licences ending soonest, and whether each renews");

        assertThat(ending.getByRole(AriaRole.ROW)).hasCount(2);
        assertThat(ending.getByRole(AriaRole.ROW).nth(1)).containsText("Café menu");
        assertThat(ending.getByRole(AriaRole.ROW).nth(1)).containsText("Does not renew");
    }
}
