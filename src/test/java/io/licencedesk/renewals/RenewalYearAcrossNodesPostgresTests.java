package io.licencedesk.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditRecord;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceStatus;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.Outbox;
import io.licencedesk.support.ApplicationNode;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.PostgresTestConfiguration;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A year of terms, a day at a time, on one PostgreSQL shared by two application nodes whose renewal cycles run at the
 * same moment every day (decisions 0048 and 0049), in the style of Kill Bill's suites: a clock moved by the test,
 * and every invoice, e-mail, status and history entry checked on the way. Monthly, quarterly and yearly plans;
 * renewing by itself or not; paid at once, late and never; paused halfway.
 */
class RenewalYearAcrossNodesPostgresTests {

    static final MovableClock CLOCK = new MovableClock();

    /** The days the cycles run: today and the 365 after it. */
    static final int DAYS = 366;

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = PostgresTestConfiguration.newDatabase();
        first = ApplicationNode.start(database, List.of(SharedClock.class));
        second = ApplicationNode.start(database, List.of(SharedClock.class));
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
        CLOCK.reset();
    }

    /** How each licence's client pays. */
    enum Paying {
        AT_ONCE,
        TEN_DAYS_LATE,
        NEVER
    }

    record Scenario(String name, Plan plan, Caller client, Paying paying, long id) {}

    @Test
    void aYearOfTermsRenewsInvoicesRemindsAndPausesEachThingOnceWithTwoNodes() throws Exception {
        var organisations = first.getBean(TestOrganisations.class);
        var plans = first.getBean(PlanCatalogue.class);
        var testLicences = first.getBean(TestLicences.class);
        var licences = first.getBean(LicenceManagement.class);
        var invoicing = first.getBean(InvoiceManagement.class);
        var outbox = first.getBean(Outbox.class);
        var audit = first.getBean(AuditTrail.class);
        List<RenewalCycle> cycles = List.of(first.getBean(RenewalCycle.class), second.getBean(RenewalCycle.class));

        TestOrganisation org = organisations.create();
        first.getBean(RenewalPreferences.class).update(org.owner(), new RenewalSettings(14, 7, true, 30));
        Plan monthly =
                plans.addPlan(org.owner(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("10"), true));
        Plan quarterly =
                plans.addPlan(org.owner(), new NewPlan("Quarterly", Period.ofMonths(3), new BigDecimal("27"), true));
        Plan yearly = plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100"), true));
        Plan monthlyByHand =
                plans.addPlan(org.owner(), new NewPlan("Monthly by hand", Period.ofMonths(1), new BigDecimal("12")));
        LocalDate start = testLicences.today();
        List<Scenario> scenarios = new ArrayList<>();
        for (Object[] row : new Object[][] {
            {"Paid monthly", monthly, org.alice(), Paying.AT_ONCE},
            {"Late quarterly", quarterly, org.alice(), Paying.TEN_DAYS_LATE},
            {"Never paid monthly", monthly, org.bob(), Paying.NEVER},
            {"Not renewing monthly", monthlyByHand, org.alice(), Paying.AT_ONCE},
            {"Paused quarterly", quarterly, org.alice(), Paying.AT_ONCE},
            {"Paid yearly", yearly, org.alice(), Paying.AT_ONCE}
        }) {
            Plan plan = (Plan) row[1];
            Caller client = (Caller) row[2];
            long id = testLicences.activated(org.owner(), plan, client.userId(), (String) row[0], start);
            scenarios.add(new Scenario((String) row[0], plan, client, (Paying) row[3], id));
        }
        Scenario paused = scenarios.get(4);
        invoicing.send(org.manager(), scenarios.stream().map(Scenario::id).toList());
        LocalDate pausedOn = start.plusDays(40);
        Map<Long, LocalDate> pausedForOverdueOn = new java.util.HashMap<>();
        Set<LocalDate> weeks = new HashSet<>();

        for (int day = 0; day < DAYS; day++) {
            LocalDate today = start.plusDays(day);
            assertThat(testLicences.today()).isEqualTo(today);
            if (today.equals(pausedOn)) {
                licences.pause(org.manager(), paused.id());
            }
            var together = cycles.stream()
                    .map(cycle -> CompletableFuture.runAsync(() -> cycle.run(org.id())))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(together).get();
            weeks.add(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            for (Scenario scenario : scenarios) {
                for (Invoice invoice : invoicing.forLicence(org.manager(), scenario.id())) {
                    boolean unpaid = invoice.status() == InvoiceStatus.ISSUED || invoice.status() == InvoiceStatus.SENT;
                    boolean pays = switch (scenario.paying()) {
                        case AT_ONCE -> true;
                        case TEN_DAYS_LATE -> !today.isBefore(invoice.dueOn().plusDays(10));
                        case NEVER -> false;
                    };
                    if (unpaid && pays) {
                        invoicing.markPaid(org.manager(), invoice.id(), today, "Day " + day);
                    }
                }
                LicenceDetails licence = licences.details(org.manager(), scenario.id());
                if (licence.renewal().pausedForOverdue()) {
                    pausedForOverdueOn.putIfAbsent(scenario.id(), today);
                }
                if (scenario.plan().autoRenew() && scenario.paying() != Paying.NEVER && scenario != paused) {
                    assertThat(licence.status())
                            .as("%s on day %d: renewed ahead, never Expired", scenario.name(), day)
                            .isEqualTo(LifecycleStatus.ACTIVE);
                }
            }
            CLOCK.advance(Duration.ofDays(1));
        }
        LocalDate lastDay = start.plusDays(DAYS - 1);

        for (Scenario scenario : scenarios) {
            LicenceDetails licence = licences.details(org.manager(), scenario.id());
            List<Invoice> invoices = new ArrayList<>(invoicing.forLicence(org.manager(), scenario.id()));
            invoices.sort(
                    (a, b) -> Integer.compare(a.line().termNumber(), b.line().termNumber()));
            String name = scenario.name();

            // The terms: one invoice each, numbered 1, 2, 3…, each starting the day after the one before ended
            // (decision 0137), and ending one plan term after that end.
            assertThat(invoices).as(name).hasSize(licence.renewal().termNumber());
            LocalDate termEnd = start;
            for (int term = 1; term <= invoices.size(); term++) {
                Invoice invoice = invoices.get(term - 1);
                assertThat(invoice.line().termNumber()).as(name).isEqualTo(term);
                assertThat(invoice.line().termStart())
                        .as("%s term %d", name, term)
                        .isEqualTo(term == 1 ? start : termEnd.plusDays(1));
                termEnd = termEnd.plus(scenario.plan().term());
                assertThat(invoice.line().termEnd())
                        .as("%s term %d", name, term)
                        .isEqualTo(termEnd);
                assertThat(outbox.about(org.id(), "INVOICE", invoice.id()))
                        .as("%s: term %d's invoice e-mailed once", name, term)
                        .hasSize(1);
                boolean reminded = !invoice.dueOn().plusDays(7).isAfter(lastDay)
                        && (invoice.paidOn() == null
                                || invoice.paidOn().isAfter(invoice.dueOn().plusDays(7)));
                assertThat(outbox.about(org.id(), ReminderMessages.INVOICE_REMINDER, invoice.id()))
                        .as("%s: term %d's invoice reminded %s", name, term, reminded ? "once" : "never")
                        .hasSize(reminded ? 1 : 0);
            }
            assertThat(licence.endsOn()).as(name).isEqualTo(termEnd);
            if (scenario.paying() != Paying.NEVER) {
                assertThat(invoices)
                        .as("%s: every invoice due by now is paid", name)
                        .filteredOn(invoice -> !invoice.dueOn().plusDays(10).isAfter(lastDay))
                        .allSatisfy(invoice -> assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID));
            }

            // What renewed, and how far: a term is booked 14 days before the one before it ends, while it renews.
            boolean renews = scenario.plan().autoRenew() && scenario != paused && scenario.paying() != Paying.NEVER;
            if (renews) {
                LocalDate end = start.plus(scenario.plan().term());
                int booked = 1;
                while (!end.minusDays(14).isAfter(lastDay)) {
                    booked++;
                    end = end.plus(scenario.plan().term());
                }
                assertThat(licence.renewal().termNumber()).as(name).isEqualTo(booked);
                assertThat(licence.status()).as(name).isEqualTo(LifecycleStatus.ACTIVE);
            } else {
                assertThat(licence.status()).as(name).isEqualTo(LifecycleStatus.EXPIRED);
            }

            // The client's notices: expiring soon only for what will not renew by itself and is not paused,
            // expired once for what ended.
            List<String> notices = outbox.about(org.id(), ReminderMessages.LICENCE_NOTICE, scenario.id()).stream()
                    .map(notice -> notice.subject().contains("has expired") ? "expired" : "expiring soon")
                    .sorted()
                    .toList();
            List<String> expected = new ArrayList<>();
            if (licence.status() == LifecycleStatus.EXPIRED) {
                expected.add("expired");
            }
            if (!scenario.plan().autoRenew()) {
                expected.add("expiring soon");
            }
            Collections.sort(expected);
            assertThat(notices).as(name).isEqualTo(expected);

            // The history, oldest first: each term invoiced, paid as the client pays, renewed; pauses with why.
            List<String> history = new ArrayList<>(audit.licenceHistory(org.manager(), scenario.id()).stream()
                    .map(AuditRecord::action)
                    .toList());
            Collections.reverse(history);
            assertThat(history.stream().filter("RENEWED"::equals).count())
                    .as(name)
                    .isEqualTo(licence.renewal().termNumber() - 1L);
            assertThat(history.stream().filter("PAID"::equals).count())
                    .as("%s: each invoice paid while its term was the licence's current one", name)
                    .isEqualTo(invoices.stream()
                            .filter(invoice -> invoice.status() == InvoiceStatus.PAID)
                            .count());
            assertThat(history.get(0)).as(name).isEqualTo("INVOICED");
        }

        Scenario neverPaid = scenarios.get(2);
        LocalDate pausedOverdue = pausedForOverdueOn.get(neverPaid.id());
        assertThat(pausedOverdue)
                .as("the never-paid licence was paused for its overdue renewal invoice")
                .isNotNull();
        Invoice firstRenewal = invoicing.forLicence(org.manager(), neverPaid.id()).stream()
                .filter(invoice -> invoice.line().termNumber() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(pausedOverdue).isEqualTo(firstRenewal.dueOn().plusDays(30));
        assertThat(invoicing.forLicence(org.manager(), neverPaid.id()))
                .as("nothing issued after the pause")
                .allSatisfy(invoice -> assertThat(invoice.issuedOn()).isBefore(pausedOverdue));
        assertThat(audit.licenceHistory(org.manager(), neverPaid.id()))
                .filteredOn(record -> record.action().equals("PAUSED"))
                .singleElement()
                .satisfies(pause -> assertThat(pause.changes())
                        .anySatisfy(change -> assertThat(change.after()).isEqualTo("Renewal invoice overdue")));
        assertThat(pausedForOverdueOn).as("only that one").containsOnlyKeys(neverPaid.id());
        assertThat(audit.licenceHistory(org.manager(), paused.id()))
                .filteredOn(record -> record.action().equals("PAUSED"))
                .singleElement()
                .satisfies(pause -> assertThat(
                                pause.occurredAt().atZone(CLOCK.getZone()).toLocalDate())
                        .isEqualTo(pausedOn));

        for (Caller member : List.of(org.owner(), org.manager())) {
            assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, member.userId()))
                    .as("one digest a week for " + member.email())
                    .hasSize(weeks.size());
        }
    }

    /** Both nodes read the one clock the test moves, as two servers read one time of day. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        MovableClock sharedClock() {
            return CLOCK;
        }
    }
}
