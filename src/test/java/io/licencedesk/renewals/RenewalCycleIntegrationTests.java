package io.licencedesk.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.Person;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.accounts.Role;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.audit.AuditRecord;
import io.licencedesk.audit.AuditSubject;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceStatus;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.Outbox;
import io.licencedesk.mail.OutboxEntry;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.PublicBaseUrl;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal cycle on a real database (decision 0048): what renews and when, the invoice of the new term, the notices
 * and reminders each sent once, the weekly digest, pausing for an unpaid renewal invoice, and two cycles at once.
 */
@IntegrationTest
@MovableTime
class RenewalCycleIntegrationTests {

    @Autowired
    RenewalCycle cycle;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestLicences testLicences;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    Renewals renewals;

    @Autowired
    Outbox outbox;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditLog auditLog;

    @Autowired
    RenewalPreferences preferences;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserLanguages languages;

    @Autowired
    People people;

    @Value("${licencedesk.base-url}")
    String baseUrl;

    TestOrganisation org;
    Plan renewing;
    Plan monthly;
    LocalDate today;

    /**
     * Noon on 10 June: every licence here ends a few days from "today" on a plan of a month or a year, and {@link
     * #endingOn} cannot give such an end when the day before it by one term does not exist (30 March less a month
     * is 28 February, whose licence ends on 28 March), so on some days of the year a licence meant to end in 10 days
     * ended in 7, and one meant to end on day 31 of the window ended inside it. From 10 June every such day exists.
     */
    static final Instant A_DAY_EVERY_TERM_REACHES = Instant.parse("2026-06-10T12:00:00Z");

    @BeforeEach
    void setUp() {
        clock.moveTo(A_DAY_EVERY_TERM_REACHES);
        org = organisations.create();
        renewing = plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00"), true));
        monthly = fixture.monthlyPlan(org);
        today = testLicences.today();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A licence of Alice's on the plan whose current term ends on the given day. */
    long endingOn(Plan plan, LocalDate endsOn) {
        long id = testLicences.activated(org.owner(), plan, org.alice().userId(), "Lobby", endsOn.minus(plan.term()));
        assertThat(licences.details(org.manager(), id).endsOn())
                .as("the end asked for")
                .isEqualTo(endsOn);
        return id;
    }

    @Test
    void aLicenceThatRenewsByItselfStartsItsNextTermAndIsInvoicedForItOnce() {
        LocalDate oldEnd = today.plusDays(10);
        long due = endingOn(renewing, oldEnd);
        long later = endingOn(renewing, today.plusDays(20));
        plans.updatePlan(
                org.owner(), renewing.id(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("120.00"), true));

        cycle.run(org.id());
        cycle.run(org.id());

        LicenceDetails renewed = licences.details(org.manager(), due);
        assertThat(renewed.renewal().termNumber()).isEqualTo(2);
        assertThat(renewed.renewal().termStartsOn()).isEqualTo(oldEnd.plusDays(1));
        assertThat(renewed.endsOn()).isEqualTo(oldEnd.plusYears(1));
        assertThat(renewed.unitPrice().formatted())
                .as("the plan's price on renewal day")
                .isEqualTo("€120.00");
        assertThat(renewed.renewal().termPricedOn()).isEqualTo(today);
        assertThat(renewed.billingStatus()).isEqualTo(BillingStatus.INVOICED);
        // Its first term was never invoiced: the renewal invoices it before moving on (decision 0065), once.
        List<Invoice> invoices = invoicing.forLicence(org.manager(), due);
        assertThat(invoices).extracting(invoice -> invoice.line().termNumber()).containsExactlyInAnyOrder(1, 2);
        Invoice next = invoices.stream()
                .filter(invoice -> invoice.line().termNumber() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(next.line().termStart()).isEqualTo(oldEnd.plusDays(1));
        assertThat(next.line().termEnd()).isEqualTo(oldEnd.plusYears(1));
        assertThat(next.totals().subtotal().formatted()).isEqualTo("€120.00");
        for (Invoice invoice : invoices) {
            assertThat(outbox.about(org.id(), "INVOICE", invoice.id()))
                    .singleElement()
                    .extracting(OutboxEntry::recipient)
                    .isEqualTo(org.alice().email());
        }
        List<AuditRecord> history = audit.licenceHistory(org.manager(), due);
        assertThat(history).extracting(AuditRecord::action).startsWith("INVOICED", "RENEWED");
        assertThat(history.get(1).actorEmail()).as("the system: no person").isNull();
        assertThat(licences.details(org.manager(), later).renewal().termNumber())
                .as("ends after the renewal invoice's 14 days")
                .isEqualTo(1);
        assertThat(invoicing.forLicence(org.manager(), later)).isEmpty();
    }

    @Test
    void theLicencesOwnChoiceOverridesItsPlanAndAPausedLicenceDoesNotRenew() {
        long optedOut = endingOn(renewing, today.plusDays(5));
        licences.chooseAutoRenew(org.manager(), optedOut, false);
        long optedIn = endingOn(monthly, today.plusDays(5));
        licences.chooseAutoRenew(org.manager(), optedIn, true);
        long paused = endingOn(renewing, today.plusDays(5));
        licences.pause(org.manager(), paused);

        cycle.run(org.id());

        assertThat(licences.details(org.manager(), optedOut).renewal().termNumber())
                .isEqualTo(1);
        assertThat(licences.details(org.manager(), optedIn).renewal().termNumber())
                .isEqualTo(2);
        assertThat(licences.details(org.manager(), paused).renewal().termNumber())
                .isEqualTo(1);
        assertThat(invoicing.forLicence(org.manager(), paused)).isEmpty();
    }

    @Test
    void aLicenceRenewedBeforeItsEndNeverShowsExpiredAndOneNotRenewedExpiresAsBefore() {
        long renews = endingOn(renewing, today.plusDays(3));
        long doesNot = endingOn(monthly, today.plusDays(3));

        cycle.run(org.id());
        clock.advance(Duration.ofDays(10));

        assertThat(licences.details(org.manager(), renews).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(licences.details(org.manager(), doesNot).status()).isEqualTo(LifecycleStatus.EXPIRED);
    }

    @Test
    void expiringSoonAndExpiredAreToldOncePerTermToClientsWhoWantReminders() {
        long ending = endingOn(monthly, today.plusDays(10));
        long ended = endingOn(monthly, today.minusDays(1));
        long renews = endingOn(renewing, today.plusDays(25)); // in the 30-day window, renews by itself
        long bobs = testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob's", today.minusDays(20));
        preferences.setRemindersOff(org.bob(), true);

        cycle.run(org.id());
        cycle.run(org.id());

        assertThat(notices(ending)).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo(org.alice().email());
            assertThat(notice.subject()).contains("Lobby").contains("ends on");
            assertThat(notice.textBody()).contains("does not renew by itself");
            // The day it ends on is its last day of use, not the first without it (decision 0141).
            assertThat(notice.textBody()).contains(", its last day.");
            assertThat(notice.textBody()).contains("See this licence: " + licencePage(ending) + "\n");
        });
        assertThat(notices(ended)).singleElement().satisfies(notice -> {
            assertThat(notice.subject()).contains("has expired");
            assertThat(notice.textBody()).contains("has ended: its last day was ");
            assertThat(notice.textBody()).contains("See this licence: " + licencePage(ended) + "\n");
        });
        assertThat(notices(renews)).as("it will renew by itself").isEmpty();
        assertThat(notices(bobs)).as("Bob turned reminders off").isEmpty();
    }

    /**
     * A French organisation's client who chose no language reads the ending-soon and ended notices in French, as their
     * invoices and overdue reminders (decision 0172); one who chose English, in English.
     */
    @Test
    void theNoticesOfAClientWithoutAChoiceAreInTheOrganisationsLanguage() {
        jdbc.sql("update organisation set language = 'fr' where id = ?")
                .param(org.id())
                .update();
        long ending = endingOn(monthly, today.plusDays(10));
        long ended = endingOn(monthly, today.minusDays(1));
        long bobs = testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob's", today.minusDays(20));
        languages.choose(org.bob(), Language.EN);

        cycle.run(org.id());

        assertThat(notices(ending)).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo(org.alice().email());
            assertThat(notice.subject()).startsWith("Votre licence").contains("se termine le");
            assertThat(notice.textBody()).contains("Voir cette licence");
        });
        assertThat(notices(ended))
                .singleElement()
                .satisfies(notice -> assertThat(notice.subject()).contains("a expiré"));
        assertThat(notices(bobs))
                .singleElement()
                .satisfies(notice -> assertThat(notice.subject()).contains("ends on"));
    }

    @Test
    void anOverdueInvoiceIsRemindedOnceNDaysAfterItsDueDate() {
        long licence = endingOn(monthly, today.plusDays(20));
        Invoice invoice =
                invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        long daysToReminder = java.time.temporal.ChronoUnit.DAYS.between(today, invoice.dueOn()) + 7;

        clock.advance(Duration.ofDays(daysToReminder - 1));
        cycle.run(org.id());
        assertThat(outbox.about(org.id(), ReminderMessages.INVOICE_REMINDER, invoice.id()))
                .isEmpty();
        clock.advance(Duration.ofDays(1));
        cycle.run(org.id());
        cycle.run(org.id());

        assertThat(outbox.about(org.id(), ReminderMessages.INVOICE_REMINDER, invoice.id()))
                .singleElement()
                .satisfies(reminder -> {
                    assertThat(reminder.recipient()).isEqualTo(org.alice().email());
                    assertThat(reminder.subject()).contains(invoice.number()).contains("overdue");
                });
    }

    @Test
    void anUnpaidRenewalInvoicePausesItsLicenceOnlyWhenTheOwnerAskedAndPayingItResumesIt() {
        long licence = endingOn(renewing, today.plusDays(5));
        cycle.run(org.id());
        Invoice renewal = invoicing.forLicence(org.manager(), licence).get(0);
        long daysToPause = java.time.temporal.ChronoUnit.DAYS.between(today, renewal.dueOn()) + 30;
        clock.advance(Duration.ofDays(daysToPause));

        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).status())
                .as("off by default")
                .isEqualTo(LifecycleStatus.ACTIVE);

        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        cycle.run(org.id());
        LicenceDetails paused = licences.details(org.manager(), licence);
        assertThat(paused.status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(paused.renewal().pausedForOverdue()).isTrue();
        assertThat(audit.licenceHistory(org.manager(), licence).get(0).changes())
                .anySatisfy(change -> {
                    assertThat(change.field()).isEqualTo("pauseReason");
                    assertThat(change.after()).isEqualTo("Renewal invoice overdue");
                });

        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), "Bank transfer");

        LicenceDetails resumed = licences.details(org.manager(), licence);
        assertThat(resumed.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(resumed.billingStatus()).isEqualTo(BillingStatus.PAID);
        assertThat(resumed.renewal().pausedForOverdue()).isFalse();
    }

    /**
     * A licence its overdue renewal invoice paused was resumed by the payment of any of its invoices: a client behind
     * on two, paying the older first, had it running again with the renewal invoice still unpaid, and the cycle, which
     * pauses once per invoice, never paused it again. Paying that invoice resumes it, as the settings page says.
     */
    @Test
    void payingAnotherInvoiceThanTheOverdueRenewalLeavesTheLicencePaused() {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        long licence = endingOn(renewing, today.plusDays(5));
        cycle.run(org.id()); // invoices the running term (never invoiced) and the next (decision 0065)
        List<Invoice> invoices = invoicing.forLicence(org.manager(), licence);
        Invoice running = invoices.stream()
                .filter(invoice -> invoice.line().termNumber() == 1)
                .findFirst()
                .orElseThrow();
        Invoice renewal = invoices.stream()
                .filter(invoice -> invoice.line().termNumber() == 2)
                .findFirst()
                .orElseThrow();
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, renewal.dueOn()) + 30));
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);

        invoicing.markPaid(org.manager(), running.id(), testLicences.today(), "Bank transfer");

        LicenceDetails stillPaused = licences.details(org.manager(), licence);
        assertThat(stillPaused.status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(stillPaused.renewal().pausedForOverdue()).isTrue();
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);

        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), "Bank transfer");

        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);
        invoicing.removePayment(org.manager(), running.id());
        assertThat(licences.details(org.manager(), licence).status())
                .as("that payment resumed nothing")
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void payingAnEarlierTermsInvoiceAfterARenewalLeavesTheNewTermsBillingAlone() {
        long licence = endingOn(renewing, today.plusDays(5));
        Invoice first = invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        cycle.run(org.id()); // renews, and invoices term 2

        invoicing.markPaid(org.manager(), first.id(), today, null);

        assertThat(licences.details(org.manager(), licence).billingStatus()).isEqualTo(BillingStatus.INVOICED);
        assertThat(invoicing.forLicence(org.manager(), licence)).hasSize(2);
    }

    /**
     * Removing the payment of an earlier term's invoice (decision 0088): the invoice is owed again and its removal is
     * in the audit log, but the licence's billing is its new term's, which that payment never made Paid.
     */
    @Test
    void removingThePaymentOfAnEarlierTermsInvoiceLeavesTheNewTermsBillingAlone() {
        long licence = endingOn(renewing, today.plusDays(5));
        Invoice first = invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        invoicing.markPaid(org.manager(), first.id(), today, "BANK-7");
        cycle.run(org.id()); // renews, and invoices term 2

        Invoice unpaid = invoicing.removePayment(org.manager(), first.id());

        assertThat(unpaid.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(unpaid.paidOn()).isNull();
        LicenceDetails details = licences.details(org.manager(), licence);
        assertThat(details.renewal().termNumber()).isEqualTo(2);
        assertThat(details.billingStatus()).isEqualTo(BillingStatus.INVOICED);
        assertThat(auditLog.page(
                                org.manager(),
                                new AuditFilter(null, AuditSubject.INVOICE, "PAYMENT_REMOVED", null, null, null),
                                AuditPageRequest.first(10))
                        .entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.subjectId()).isEqualTo(first.id()));
    }

    /** A renewing licence the cycle paused, its organisation pausing licences 30 days after their invoice is due. */
    private record PausedForOverdue(long licence, Invoice renewal) {}

    private PausedForOverdue pausedForItsOverdueRenewal() {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        long licence = endingOn(renewing, today.plusDays(5));
        cycle.run(org.id());
        Invoice renewal = invoicing.forLicence(org.manager(), licence).get(0);
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, renewal.dueOn()) + 30));
        cycle.run(org.id());
        return new PausedForOverdue(licence, renewal);
    }

    /**
     * A licence its overdue renewal invoice paused, and that marking the invoice paid resumed, is paused again when
     * that payment is removed (decision 0088): the invoice is still overdue, and the cycle, which pauses once per
     * invoice, would not pause it again. Paying it for real resumes it as before.
     */
    @Test
    void removingThePaymentThatResumedAnOverdueLicencePausesItAgain() {
        PausedForOverdue paused = pausedForItsOverdueRenewal();
        long licence = paused.licence();
        Invoice renewal = paused.renewal();
        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), "Bank transfer");
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);

        invoicing.removePayment(org.manager(), renewal.id());

        LicenceDetails repaused = licences.details(org.manager(), licence);
        assertThat(repaused.status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(repaused.renewal().pausedForOverdue()).isTrue();
        assertThat(repaused.billingStatus()).isEqualTo(BillingStatus.INVOICED);
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);

        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), "Bank transfer");
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    /**
     * Removing the payment that resumed an overdue licence listed "Paused" before "Payment removed" in the licence's
     * history, the effect before its cause: the pause was taken while the invoice's event was published, before the
     * licence recorded the removal. The removal now comes first (decision 0093).
     */
    @Test
    void theLicencesHistoryTellsThePaymentRemovedBeforeThePauseItBrings() {
        PausedForOverdue paused = pausedForItsOverdueRenewal();
        long licence = paused.licence();
        Invoice renewal = paused.renewal();
        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), "Bank transfer");

        invoicing.removePayment(org.manager(), renewal.id());

        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);
        List<AuditRecord> history = audit.licenceHistory(org.manager(), licence);
        assertThat(history)
                .extracting(AuditRecord::action)
                .as("newest first")
                .startsWith("PAUSED", "PAYMENT_REMOVED", "RESUMED", "PAID");
        assertThat(history.get(0).actorEmail()).as("the system: no person").isNull();
    }

    /**
     * A licence its overdue invoice paused, that the manager resumed by hand before a payment was marked by mistake,
     * was paused again when the payment was removed, though the payment had not resumed it (decision 0088 said so).
     * Only a licence the payment itself resumed is paused again now (decision 0093).
     */
    @Test
    void removingAPaymentLeavesRunningALicenceThatAPersonHadResumedBeforeIt() {
        PausedForOverdue paused = pausedForItsOverdueRenewal();
        long licence = paused.licence();
        Invoice renewal = paused.renewal();
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);
        licences.resume(org.manager(), licence);
        invoicing.markPaid(org.manager(), renewal.id(), testLicences.today(), "Bank transfer");

        invoicing.removePayment(org.manager(), renewal.id());

        LicenceDetails running = licences.details(org.manager(), licence);
        assertThat(running.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(running.billingStatus()).isEqualTo(BillingStatus.INVOICED);
        assertThat(audit.licenceHistory(org.manager(), licence))
                .extracting(AuditRecord::action)
                .startsWith("PAYMENT_REMOVED", "PAID", "RESUMED", "PAUSED");
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).status())
                .as("the cycle pauses once per invoice")
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    /**
     * Voiding the overdue renewal invoice that paused a licence left it paused for ever: only paying that invoice
     * resumed it (decision 0121), and there was nothing left to pay. Voiding it resumes the licence now, in the name of
     * who voided it, after the void in its history, and the cycle does not pause it again (decision 0128).
     */
    @Test
    void voidingTheOverdueRenewalInvoiceThatPausedALicenceResumesIt() {
        PausedForOverdue paused = pausedForItsOverdueRenewal();
        long licence = paused.licence();
        Invoice renewal = paused.renewal();
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);

        invoicing.voidInvoice(org.manager(), renewal.id(), "Client cancelled");

        LicenceDetails resumed = licences.details(org.manager(), licence);
        assertThat(resumed.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(resumed.renewal().pausedForOverdue()).isFalse();
        assertThat(resumed.billingStatus()).isEqualTo(BillingStatus.UNBILLED);
        List<AuditRecord> history = audit.licenceHistory(org.manager(), licence);
        assertThat(history).extracting(AuditRecord::action).startsWith("RESUMED", "INVOICE_VOIDED", "PAUSED");
        assertThat(history.get(0).actorEmail()).isEqualTo(org.manager().email());
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    /**
     * A renewal invoices the running term first when it was never invoiced (decision 0065). A term whose invoice an
     * account manager voided (a cancelled or disputed bill, decision 0128; a term given free) is Unbilled too, and the
     * cycle issued and e-mailed a new invoice for it at the renewal: the bill the manager had cancelled, sent again
     * without anyone asking. A voided term stays as the manager left it; the renewal invoices its next term only
     * (decision 0180).
     */
    @Test
    void aRenewalDoesNotInvoiceAgainATermWhoseInvoiceWasVoided() {
        long licence = endingOn(renewing, today.plusDays(5));
        Invoice first = invoicing.send(org.manager(), List.of(licence)).only();
        invoicing.voidInvoice(org.manager(), first.id(), "This term is free");
        assertThat(licences.details(org.manager(), licence).billingStatus()).isEqualTo(BillingStatus.UNBILLED);

        cycle.run(org.id());

        LicenceDetails renewed = licences.details(org.manager(), licence);
        assertThat(renewed.renewal().termNumber()).isEqualTo(2);
        assertThat(renewed.billingStatus()).isEqualTo(BillingStatus.INVOICED);
        List<Invoice> invoices = invoicing.forLicence(org.manager(), licence);
        assertThat(invoices).extracting(invoice -> invoice.line().termNumber()).containsExactlyInAnyOrder(1, 2);
        assertThat(invoices)
                .filteredOn(invoice -> invoice.line().termNumber() == 1)
                .singleElement()
                .extracting(Invoice::status)
                .isEqualTo(InvoiceStatus.VOID);
    }

    /** A licence a person paused after the cycle's pause (resumed, then paused by hand) stays paused: it is theirs. */
    @Test
    void voidingTheOverdueInvoiceLeavesPausedALicenceThatAPersonPaused() {
        PausedForOverdue paused = pausedForItsOverdueRenewal();
        long licence = paused.licence();
        Invoice renewal = paused.renewal();
        licences.resume(org.manager(), licence);
        licences.pause(org.manager(), licence);

        invoicing.voidInvoice(org.manager(), renewal.id(), "Client cancelled");

        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(audit.licenceHistory(org.manager(), licence))
                .extracting(AuditRecord::action)
                .startsWith("INVOICE_VOIDED", "PAUSED", "RESUMED");
    }

    /**
     * Two renewal invoices overdue: voiding the later leaves the licence paused, as paying it would (decision 0121);
     * voiding the other, the last that held it, resumes it.
     */
    @Test
    void voidingOneOfTwoOverdueRenewalInvoicesLeavesTheLicencePausedUntilTheLast() {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        long licence = endingOn(monthly, today.plusDays(5));
        Invoice second = renewals.renew(org.manager(), licence).invoice();
        clock.advance(Duration.ofDays(10));
        Invoice third = renewals.renew(org.manager(), licence).invoice();
        for (Invoice invoice : List.of(second, third)) {
            jdbc.sql("update invoice set due_on = ? where id = ?")
                    .params(java.sql.Date.valueOf(testLicences.today().minusDays(31)), invoice.id())
                    .update();
        }
        cycle.run(org.id());
        assertThat(licences.details(org.manager(), licence).renewal().pausedForOverdue())
                .isTrue();

        invoicing.voidInvoice(org.manager(), third.id(), "Billed twice");

        assertThat(licences.details(org.manager(), licence).status())
                .as("the second term's invoice is still overdue")
                .isEqualTo(LifecycleStatus.PAUSED);

        invoicing.voidInvoice(org.manager(), second.id(), "Client cancelled");

        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    /** Voiding an invoice of a licence that no overdue invoice paused changes nothing but its billing. */
    @Test
    void voidingAnInvoiceThatPausedNothingLeavesTheLicenceAsItWas() {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        long running = endingOn(renewing, today.plusDays(5));
        long paused = endingOn(monthly, today.plusDays(20));
        Invoice pausedOne =
                invoicing.send(org.manager(), List.of(paused)).issued().get(0);
        licences.pause(org.manager(), paused);
        cycle.run(org.id());
        Invoice renewal = invoicing.forLicence(org.manager(), running).get(0);

        invoicing.voidInvoice(org.manager(), renewal.id(), "Wrong price");
        invoicing.voidInvoice(org.manager(), pausedOne.id(), "Wrong price");

        assertThat(licences.details(org.manager(), running).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(licences.details(org.manager(), paused).status()).isEqualTo(LifecycleStatus.PAUSED);
    }

    /** A payment removed before the invoice was overdue long enough to pause leaves the licence running. */
    @Test
    void removingAPaymentMadeBeforeAnyOverduePauseLeavesTheLicenceActive() {
        preferences.update(org.owner(), new RenewalSettings(14, 7, true, 30));
        long licence = endingOn(renewing, today.plusDays(5));
        cycle.run(org.id());
        Invoice renewal = invoicing.forLicence(org.manager(), licence).get(0);
        invoicing.markPaid(org.manager(), renewal.id(), today, null);

        invoicing.removePayment(org.manager(), renewal.id());

        assertThat(licences.details(org.manager(), licence).status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void eachMemberOfStaffGetsOneDigestAWeek() {
        endingOn(monthly, today.plusDays(10));

        cycle.run(org.id());
        cycle.run(org.id());

        for (var member : List.of(org.owner(), org.manager())) {
            assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, member.userId()))
                    .singleElement()
                    .satisfies(digest -> {
                        assertThat(digest.recipient()).isEqualTo(member.email());
                        assertThat(digest.textBody())
                                .contains("Ending within 30 days, by ")
                                .contains(" inclusive:\n- Lobby");
                    });
        }
        clock.advance(Duration.ofDays(7));
        cycle.run(org.id());
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.manager().userId()))
                .hasSize(2);
    }

    /**
     * The first cycle after a first start e-mailed the new owner "Your week at …: 0 ending, 0 overdue, 0 renewed"
     * (decision 0158's walk). A digest with nothing to say is not sent, nor counted as the week's: the week's digest
     * goes out at the first cycle that finds something, once (decision 0163).
     */
    @Test
    void aDigestOfZerosIsNotSentAndTheWeeksGoesOutOnceThereIsSomethingToSay() {
        cycle.run(org.id());

        for (var member : List.of(org.owner(), org.manager())) {
            assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, member.userId()))
                    .as("nothing ending, overdue or renewed")
                    .isEmpty();
        }

        clock.advance(Duration.ofDays(1));
        endingOn(monthly, today.plusDays(11));
        cycle.run(org.id());
        cycle.run(org.id());

        for (var member : List.of(org.owner(), org.manager())) {
            assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, member.userId()))
                    .singleElement()
                    .satisfies(digest -> assertThat(digest.subject()).endsWith(": 1 ending, 0 overdue, 0 renewed"));
        }
    }

    /**
     * Whether the digest has anything to say is asked first, in one statement of its own (decision 0171): each kind of
     * news alone still makes the week's digest, an overdue invoice here, a renewal in another organisation.
     */
    @Test
    void eachKindOfNewsAloneMakesTheWeeksDigest() {
        long kiosk = testLicences.activated(org.owner(), renewing, org.alice().userId(), "Kiosk", today.minusDays(20));
        Invoice invoice = invoicing.send(org.manager(), List.of(kiosk)).issued().get(0);
        clock.moveTo(invoice.dueOn()
                .plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
        cycle.run(org.id());
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.manager().userId()))
                .singleElement()
                .satisfies(digest -> assertThat(digest.subject()).endsWith(": 0 ending, 1 overdue, 0 renewed"));

        TestOrganisation renewingOrg = organisations.create();
        Plan yearly = plans.addPlan(
                renewingOrg.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00"), false));
        long renewed = testLicences.activated(
                renewingOrg.owner(),
                yearly,
                renewingOrg.alice().userId(),
                "Kiosk",
                testLicences.today().minusDays(20));
        renewals.renew(renewingOrg.manager(), renewed);
        cycle.run(renewingOrg.id());
        assertThat(outbox.about(
                        renewingOrg.id(),
                        ReminderMessages.DIGEST,
                        renewingOrg.manager().userId()))
                .singleElement()
                .satisfies(digest -> assertThat(digest.subject()).endsWith(": 0 ending, 0 overdue, 1 renewed"));
    }

    @Test
    void theDigestGoesOnlyToStaffWhoCanSignInNotToOnesInvitedWhoHaveNoPasswordYet() {
        Person invited = people.invite(org.owner(), "Ivy Invited", "ivy-" + org.id() + "@example.test", Role.MANAGER);
        endingOn(monthly, today.plusDays(10));

        cycle.run(org.id());

        assertThat(invited.hasPassword()).isFalse();
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, invited.id()))
                .isEmpty();
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.manager().userId()))
                .singleElement()
                .satisfies(digest ->
                        assertThat(digest.recipient()).isEqualTo(org.manager().email()));
    }

    @Test
    void theDigestIsInTheLanguageOfEachMemberOfStaff() {
        languages.choose(org.manager(), Language.FR);
        LocalDate ends = today.plusDays(10);
        endingOn(monthly, ends);

        cycle.run(org.id());

        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.manager().userId()))
                .singleElement()
                .satisfies(digest -> {
                    assertThat(digest.subject())
                            .startsWith("Votre semaine chez ")
                            .endsWith("\u00a0: 1 à échéance, 0 en retard, 0 renouvelée");
                    assertThat(digest.textBody())
                            .startsWith("Bonjour ")
                            .contains("Se terminent d’ici 30 jours, jusqu’au "
                                    + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRANCE)
                                            .format(today.plusDays(30))
                                    + " inclus\u00a0:\n- Lobby ("
                                    + org.alice().email() + ") se termine le "
                                    + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRANCE)
                                            .format(ends)
                                    + ", ne se renouvelle pas")
                            .contains("Factures en retard\u00a0:\n- aucune")
                            .doesNotContain("Ending", "none");
                });
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.owner().userId()))
                .singleElement()
                .satisfies(digest -> {
                    assertThat(digest.subject()).endsWith(": 1 ending, 0 overdue, 0 renewed");
                    assertThat(digest.textBody())
                            .contains("Ending within 30 days, by "
                                    + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
                                            .format(today.plusDays(30))
                                    + " inclusive:\n- Lobby ("
                                    + org.alice().email() + ") ends "
                                    + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
                                            .format(ends)
                                    + ", does not renew")
                            .contains("Overdue invoices:\n- none");
                });
    }

    /**
     * "Renewed in the last 7 days" listed renewals from seven days back to today, eight days; and "now until 6 Mar"
     * did not say whether 6 March was in the term. Each window now names its days, all of them included, in English
     * and in French, and holds exactly those.
     */
    @Test
    void theDigestsWindowsAreTheDaysTheyNameEachIncluded() {
        languages.choose(org.manager(), Language.FR);
        long eighthDayBack = testLicences.activated(
                org.owner(), monthly, org.alice().userId(), "Eighth day back", today.minusDays(20));
        long seventhDayBack = testLicences.activated(
                org.owner(), monthly, org.alice().userId(), "Seventh day back", today.minusDays(20));
        clock.advance(Duration.ofDays(-7));
        renewals.renew(org.manager(), eighthDayBack);
        clock.advance(Duration.ofDays(1));
        renewals.renew(org.manager(), seventhDayBack);
        clock.advance(Duration.ofDays(6)); // today again, the day setUp moved to
        LocalDate renewedEnd = licences.details(org.manager(), seventhDayBack).endsOn();
        testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Thirtieth day",
                today.plusDays(30).minus(monthly.term()));
        endingOn(monthly, today.plusDays(31));

        cycle.run(org.id());

        DateTimeFormatter english = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.owner().userId()))
                .singleElement()
                .satisfies(digest -> {
                    assertThat(digest.subject()).endsWith(": 1 ending, 0 overdue, 1 renewed");
                    assertThat(digest.textBody())
                            .contains("Ending within 30 days, by " + english.format(today.plusDays(30))
                                    + " inclusive:\n- Thirtieth day (")
                            .contains("Renewed in the last 7 days, " + english.format(today.minusDays(6)) + " to "
                                    + english.format(today) + " inclusive:\n- Seventh day back ("
                                    + org.alice().email() + "), now until " + english.format(renewedEnd)
                                    + " inclusive")
                            .doesNotContain("Eighth day back");
                });
        DateTimeFormatter french = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRANCE);
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.manager().userId()))
                .singleElement()
                .satisfies(digest -> assertThat(digest.textBody())
                        .contains("Se terminent d’ici 30 jours, jusqu’au " + french.format(today.plusDays(30))
                                + " inclus\u00a0:\n- Thirtieth day (")
                        .contains("Renouvelées ces 7 derniers jours, du " + french.format(today.minusDays(6))
                                + " au " + french.format(today) + " inclus\u00a0:\n- Seventh day back ("
                                + org.alice().email() + "), désormais jusqu’au " + french.format(renewedEnd)
                                + " inclus")
                        .doesNotContain("Eighth day back"));
    }

    @Test
    void twoCyclesRunningAtOnceRenewInvoiceAndTellEachThingOnce() throws Exception {
        List<Long> renewingIds = new java.util.ArrayList<>();
        List<Long> endingIds = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            renewingIds.add(endingOn(renewing, today.plusDays(1 + i)));
            endingIds.add(endingOn(monthly, today.plusDays(1 + i)));
        }
        var start = new CountDownLatch(1);
        Runnable run = () -> {
            try {
                start.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            cycle.run(org.id());
        };
        var first = CompletableFuture.runAsync(run);
        var second = CompletableFuture.runAsync(run);
        start.countDown();
        CompletableFuture.allOf(first, second).get();
        cycle.run(org.id()); // whatever a collision left undone

        for (long id : renewingIds) {
            assertThat(licences.details(org.manager(), id).renewal().termNumber())
                    .isEqualTo(2);
            // the running term, never invoiced, and the next (decision 0065): each once, e-mailed once
            List<Invoice> invoices = invoicing.forLicence(org.manager(), id);
            assertThat(invoices)
                    .extracting(invoice -> invoice.line().termNumber())
                    .containsExactlyInAnyOrder(1, 2);
            for (Invoice invoice : invoices) {
                assertThat(outbox.about(org.id(), "INVOICE", invoice.id())).hasSize(1);
            }
        }
        for (long id : endingIds) {
            assertThat(notices(id)).hasSize(1);
        }
        assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, org.manager().userId()))
                .hasSize(1);
    }

    /**
     * Two cycles at once collide only by chance, so the test above may pass without their steps ever meeting. Here they
     * meet on purpose (decision 0180): a renewal (a person's Renew now, as another node's cycle would) holds the licence
     * uncommitted; the cycle finds the same licence due, since its query waits for no lock, and waits on the licence's
     * row until the renewal commits; then its step is refused and undone. One renewal, one invoice a term, each e-mailed
     * once, and one "Renewed" in the history.
     */
    @Test
    void aCycleThatMeetsARenewalInProgressWaitsForItAndRenewsNothingMore() throws Exception {
        long due = endingOn(renewing, today.plusDays(3));
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // Threads of their own: the renewal waits in its transaction while the cycle runs beside it.
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        var byHand = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> {
                    renewals.renew(org.manager(), due);
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }),
                threads);
        // a renewal that failed never holds the licence: its error, rather than a wait without end
        while (!held.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (byHand.isDone()) {
                byHand.get();
            }
        }

        var cycleRun = CompletableFuture.runAsync(() -> cycle.run(org.id()), threads);
        boolean cycleWaited = false;
        while (!cycleRun.isDone() && !(cycleWaited = aSessionWaitsForALock())) {
            Thread.sleep(5);
        }
        release.countDown();
        CompletableFuture.allOf(byHand, cycleRun).get();
        threads.shutdown();

        assertThat(cycleWaited).as("the cycle met the renewal in progress").isTrue();
        assertThat(licences.details(org.manager(), due).renewal().termNumber()).isEqualTo(2);
        List<Invoice> invoices = invoicing.forLicence(org.manager(), due);
        assertThat(invoices).extracting(invoice -> invoice.line().termNumber()).containsExactlyInAnyOrder(1, 2);
        for (Invoice invoice : invoices) {
            assertThat(outbox.about(org.id(), "INVOICE", invoice.id())).hasSize(1);
        }
        assertThat(audit.licenceHistory(org.manager(), due))
                .extracting(AuditRecord::action)
                .containsOnlyOnce("RENEWED");
    }

    /** Whether a database session is waiting for another's lock (H2's sessions table, else PostgreSQL's activity). */
    private boolean aSessionWaitsForALock() {
        try {
            return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null")
                            .query(Long.class)
                            .single()
                    > 0;
        } catch (RuntimeException notH2) {
            return jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where wait_event_type = 'Lock' and datname = current_database()""").query(Long.class).single() > 0;
        }
    }

    @Test
    void theScheduledRunTakesTheDatabaseLockSoOneNodeRunsItAtATime() {
        cycle.scheduled();

        assertThat(jdbc.sql("select locked_by from shedlock where name = 'renewal-cycle'")
                        .query(String.class)
                        .list())
                .as("ShedLock's row, written through the database by the proxied job")
                .singleElement()
                .isNotNull();
    }

    /** The licence's own page in the portal, where its client acts on it (the reminder links there). */
    private String licencePage(long licenceId) {
        return PublicBaseUrl.parse(baseUrl) + "/portal/licences/" + licenceId;
    }

    private List<OutboxEntry> notices(long licenceId) {
        return outbox.about(org.id(), ReminderMessages.LICENCE_NOTICE, licenceId);
    }
}
