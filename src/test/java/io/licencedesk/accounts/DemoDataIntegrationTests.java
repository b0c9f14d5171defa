package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceStatus;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LicenceRow;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.PlanCatalogue;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded mode's demo organisation: what the README promises a newcomer. On a server at a random port, like
 * {@code DemoSignInsBrowserTests}, so that both use one application context and the demo is seeded once in a test run
 * rather than twice (decision 0166): the same web environment and the property set the same way (a {@code
 * TestPropertySource}, not {@code SpringBootTest.properties}, which makes another cache key). Nothing here needs the
 * server, nor changes what the sign-ins read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "licencedesk.demo.enabled=true")
class DemoDataIntegrationTests {

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountManagement management;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsTheDemoOrganisationWithSignInsPlansClientsAndLicencesInEveryStatus() {
        var admin = accounts.findUserByEmail("admin@demo.test").orElseThrow();
        var manager = accounts.findUserByEmail("manager@demo.test").orElseThrow();
        var client = accounts.findUserByEmail("client40@demo.test").orElseThrow();
        assertThat(admin.caller().role()).isEqualTo(Role.OWNER);
        assertThat(manager.caller().role()).isEqualTo(Role.MANAGER);
        assertThat(client.caller().role()).isEqualTo(Role.CLIENT);
        assertThat(passwords.matches("demo-admin", admin.passwordHash())).isTrue();
        assertThat(passwords.matches("demo-manager", manager.passwordHash())).isTrue();
        assertThat(passwords.matches("demo-client", client.passwordHash())).isTrue();

        Caller caller = manager.caller();
        assertThat(management.clients(caller, null, 1, 10).total()).isEqualTo(40);
        assertThat(management.clients(caller, null, 1, 40).items())
                .as("every demo client has a billing address, and some a VAT number, as on real invoices")
                .allSatisfy(
                        demoClient -> assertThat(demoClient.billingAddress()).isNotBlank())
                .anySatisfy(demoClient -> assertThat(demoClient.vatNumber()).startsWith("DE"));
        assertThat(plans.plans(caller))
                .extracting(plan -> plan.name() + " " + plan.term() + " " + plan.unitPrice())
                .containsExactly("Monthly P1M EUR 10.00", "Quarterly P3M EUR 27.00", "Yearly P1Y EUR 100.00");

        List<LicenceRow> all = new ArrayList<>();
        var page = licences.list(caller, LicenceFilter.none(), LicencePageRequest.first(100));
        all.addAll(page.rows());
        while (page.hasNext()) {
            page = licences.list(
                    caller, LicenceFilter.none(), new LicencePageRequest(page.nextCursor(), null, false, 100));
            all.addAll(page.rows());
        }
        assertThat(all).hasSize(300);
        var statuses = EnumSet.noneOf(LifecycleStatus.class);
        all.forEach(row -> statuses.add(row.status()));
        assertThat(statuses).containsExactlyInAnyOrder(LifecycleStatus.values());
        assertThat(all).filteredOn(LicenceRow::expiringSoon).hasSizeGreaterThan(10);
        assertThat(all).filteredOn(row -> row.clientId() == null).hasSizeGreaterThan(10);
        assertThat(all)
                .filteredOn(row -> row.status() == LifecycleStatus.EXPIRED)
                .hasSizeGreaterThan(10);
        assertThat(all).extracting(LicenceRow::couponCode).doesNotHaveDuplicates();
        all.stream().filter(row -> row.endsOn() != null).forEach(row -> {
            var details = licences.details(caller, row.id());
            assertThat(details.createdAt().atZone(ZoneId.systemDefault()).toLocalDate())
                    .as("%s is created before it is activated", row.couponCode())
                    .isBeforeOrEqualTo(details.activatedOn());
        });
        assertThat(all)
                .filteredOn(row -> row.billingStatus() == BillingStatus.PAID)
                .hasSizeGreaterThan(10);
        long invoiced = all.stream()
                .filter(row -> row.billingStatus() != BillingStatus.UNBILLED)
                .count();
        assertThat(invoicing.invoices(caller, null, null, 1, 10).total())
                .as("every licence billed in the demo has its invoice")
                .isEqualTo(invoiced);
        assertThat(invoicing.invoices(caller, InvoiceStatus.PAID, null, 1, 10).total())
                .isGreaterThan(10);
    }

    /**
     * A fresh demo's dashboard and invoice list have months of history: each invoice was issued on its licence's term's
     * first day, numbered in the order of those days, and paid, when paid, within weeks of it; some are overdue.
     */
    @Test
    void registersScreensOnSomeLicencesInUseAndMostOfThemHavePlayedSinceSoTheScreenFiguresAreNotEmpty() {
        long organisationId = accounts.findUserByEmail("manager@demo.test")
                .orElseThrow()
                .caller()
                .organisationId();
        Map<String, Object> screens =
                jdbc.sql("""
                        select count(*) as registered, count(s.last_check_in_at) as seen,
                               count(distinct s.licence_id) as licences,
                               sum(case when l.client_id is null or l.paused or l.activated_on is null
                                             or l.ends_on < current_date then 1 else 0 end) as on_licences_not_in_use
                        from screen s join licence l on l.id = s.licence_id
                        where s.organisation_id = :organisationId and s.removed_at is null
                        """).param("organisationId", organisationId).query().singleRow();

        assertThat(((Number) screens.get("licences")).longValue()).isGreaterThan(50);
        long registered = ((Number) screens.get("registered")).longValue();
        long seen = ((Number) screens.get("seen")).longValue();
        assertThat(seen).as("screens whose player has activated").isGreaterThan(registered / 2);
        assertThat(seen).as("screens still waiting for their device").isLessThan(registered);
        assertThat(((Number) screens.get("on_licences_not_in_use")).longValue()).isZero();
    }

    @Test
    void billsTheDemoLicencesAsTheirTermsBeganSoTheDashboardHasHistory() {
        Caller caller =
                accounts.findUserByEmail("manager@demo.test").orElseThrow().caller();
        List<Invoice> invoices =
                new ArrayList<>(invoicing.invoices(caller, null, null, 1, 1000).items());
        LocalDate today = LocalDate.now(clock);
        assertThat(invoices).hasSizeGreaterThan(50);
        assertThat(invoices.stream()
                        .map(invoice -> YearMonth.from(invoice.issuedOn()))
                        .distinct())
                .as("invoices issued over several months, not all on the day the demo started")
                .hasSizeGreaterThan(3);
        invoices.sort(Comparator.comparing(Invoice::number));
        assertThat(invoices)
                .extracting(Invoice::issuedOn)
                .as("numbers follow issue dates")
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(invoices)
                .allSatisfy(invoice -> assertThat(invoice.issuedOn()).isBeforeOrEqualTo(today))
                .filteredOn(invoice -> invoice.status() == InvoiceStatus.PAID)
                .isNotEmpty()
                .allSatisfy(invoice -> assertThat(invoice.paidOn())
                        .isAfterOrEqualTo(invoice.issuedOn())
                        .isBeforeOrEqualTo(today));
        assertThat(invoices).as("some unpaid invoices are past their due date").anySatisfy(invoice -> {
            assertThat(invoice.status()).isNotIn(InvoiceStatus.PAID, InvoiceStatus.VOID);
            assertThat(invoice.dueOn()).isBefore(today);
        });
    }

    @Autowired
    DataSource dataSource;

    /**
     * H2 2.4.240 refused every insert into a table with a {@code CHECK (role IN (...))} once the pooled connection that
     * ran the migrations had been retired (after Hikari's 30-minute max lifetime): a demo left running for half an hour
     * could no longer add a client or licence. Retiring every pooled connection here stands for that half hour.
     */
    @Test
    void keepsAcceptingNewPeopleAfterTheConnectionsThatCreatedTheSchemaAreRetired() throws SQLException {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        var admin = accounts.findUserByEmail("admin@demo.test").orElseThrow().caller();

        management.createUser(
                admin.organisationId(), Role.CLIENT, "Late Client", "late-client@demo.test", "password1", "Late Co");

        assertThat(accounts.findUserByEmail("late-client@demo.test"))
                .hasValueSatisfying(user -> assertThat(user.caller().role()).isEqualTo(Role.CLIENT));
    }
}
