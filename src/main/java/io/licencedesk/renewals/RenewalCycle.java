package io.licencedesk.renewals;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalPreferences.StaffMember;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ExpiringSoonWindow;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.mail.Outbox;
import io.licencedesk.renewals.CycleQueries.After;
import io.licencedesk.renewals.CycleQueries.Due;
import io.licencedesk.renewals.CycleQueries.OverdueRenewal;
import io.licencedesk.shared.RefusedException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal cycle's scheduled work, for every organisation (decision 0048): renew the licences that renew by
 * themselves and issue their invoices, tell clients what is expiring, expired or overdue, pause licences whose
 * renewal invoice stays unpaid (where the owner turned that on), and send each account manager a weekly digest.
 *
 * <p>Runs on one node at a time (ShedLock, decision 0049). Each step on each licence, invoice or person is its own
 * transaction, and what makes it happen once commits with it: a renewal moves the term's end (so the licence is no
 * longer due), a notice inserts its row under a unique key with its e-mail. A run cut short, or run twice at once,
 * leaves nothing half done and sends nothing twice.
 */
@Component
public class RenewalCycle {

    private static final Logger log = LoggerFactory.getLogger(RenewalCycle.class);

    private static final int BATCH = 200;

    /** How far back an expiry is still told, for days the cycle did not run. */
    private static final int EXPIRED_LOOKBACK_DAYS = 7;

    /** How many lines of each kind a digest lists; the rest it counts. */
    private static final int DIGEST_LINES = 10;

    /** The digest's windows: licences ending within 30 days, and renewed in the last 7 (today included). */
    private static final int DIGEST_ENDING_DAYS = 30;

    private static final int DIGEST_RENEWED_DAYS = 7;

    private final CycleQueries queries;
    private final Renewals renewals;
    private final LicenceManagement licences;
    private final InvoiceManagement invoices;
    private final AccountManagement accounts;
    private final RenewalPreferences preferences;
    private final ReminderMessages messages;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RenewalCycle(
            CycleQueries queries,
            Renewals renewals,
            LicenceManagement licences,
            InvoiceManagement invoices,
            AccountManagement accounts,
            RenewalPreferences preferences,
            ReminderMessages messages,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.queries = queries;
        this.renewals = renewals;
        this.licences = licences;
        this.invoices = invoices;
        this.accounts = accounts;
        this.preferences = preferences;
        this.messages = messages;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${licencedesk.renewals.interval:PT15M}",
            initialDelayString = "${licencedesk.renewals.delay:PT1M}")
    @SchedulerLock(name = "renewal-cycle", lockAtMostFor = "PT1H")
    void scheduled() {
        run();
    }

    /** One pass over every organisation; what a pass leaves undone, the next one does. */
    public void run() {
        for (long organisationId : queries.organisations()) {
            run(organisationId);
        }
    }

    /** One pass over one organisation. */
    public void run(long organisationId) {
        Caller system = system(organisationId);
        Organisation organisation = accounts.organisation(system);
        RenewalSettings settings = preferences.settings(organisationId);
        LocalDate today = LocalDate.now(clock);
        renewDue(system, today, settings);
        noticeExpiringSoon(system, organisation, today);
        noticeExpired(system, organisation, today);
        remindOverdue(system, organisation, today, settings);
        if (settings.overduePause()) {
            pauseOverdue(system, today, settings);
        }
        sendDigests(organisation, today);
    }

    /**
     * The organisation itself, acting through the façades as staff: {@link Caller#ORGANISATION_ITSELF}, which the audit trail records as the system,
     * without a person (the pages say "LicenceDesk (automatic)" in their language).
     */
    static Caller system(long organisationId) {
        return Caller.organisationItself(organisationId, "LicenceDesk (automatic)", "LicenceDesk");
    }

    private void renewDue(Caller system, LocalDate today, RenewalSettings settings) {
        LocalDate horizon = today.plusDays(settings.renewalInvoiceDays());
        eachDue(
                after -> queries.dueForRenewal(system.organisationId(), today, horizon, after, BATCH),
                due -> renewals.renew(system, due.id()),
                "renew");
    }

    private void noticeExpiringSoon(Caller system, Organisation organisation, LocalDate today) {
        LocalDate soonEnd =
                ExpiringSoonWindow.of(today, organisation.expiringSoonDays()).until();
        eachDue(
                after -> queries.expiringSoon(organisation.id(), today, soonEnd, after, BATCH),
                due -> {
                    if (queries.recordLicenceNotice(due.id(), due.termNumber(), "EXPIRING_SOON", clock.instant())) {
                        outbox.enqueue(messages.expiringSoon(organisation, queries.noticeLicence(due.id())));
                    }
                },
                "tell expiring soon");
    }

    private void noticeExpired(Caller system, Organisation organisation, LocalDate today) {
        LocalDate since = today.minusDays(EXPIRED_LOOKBACK_DAYS);
        eachDue(
                after -> queries.expired(organisation.id(), today, since, after, BATCH),
                due -> {
                    if (queries.recordLicenceNotice(due.id(), due.termNumber(), "EXPIRED", clock.instant())) {
                        outbox.enqueue(messages.expired(organisation, queries.noticeLicence(due.id())));
                    }
                },
                "tell expired");
    }

    private void remindOverdue(Caller system, Organisation organisation, LocalDate today, RenewalSettings settings) {
        LocalDate dueBy = today.minusDays(settings.overdueReminderDays());
        long after = 0;
        List<Long> page;
        do {
            page = queries.overdueToRemind(organisation.id(), dueBy, after, BATCH);
            for (long invoiceId : page) {
                inTransaction("remind overdue invoice " + invoiceId, () -> {
                    if (queries.recordInvoiceNotice(invoiceId, "OVERDUE", clock.instant())) {
                        var invoice = invoices.invoice(system, invoiceId);
                        outbox.enqueue(messages.overdue(
                                organisation,
                                invoice,
                                accounts.client(system, invoice.clientId()).email()));
                    }
                });
                after = invoiceId;
            }
        } while (page.size() == BATCH);
    }

    private void pauseOverdue(Caller system, LocalDate today, RenewalSettings settings) {
        LocalDate dueBy = today.minusDays(settings.overduePauseDays());
        long after = 0;
        List<OverdueRenewal> page;
        do {
            page = queries.overdueRenewals(system.organisationId(), dueBy, after, BATCH);
            for (OverdueRenewal overdue : page) {
                inTransaction("pause licence " + overdue.licenceId() + " for invoice " + overdue.invoiceId(), () -> {
                    if (queries.recordInvoiceNotice(overdue.invoiceId(), "OVERDUE_PAUSE", clock.instant())) {
                        licences.pauseForOverdue(system, overdue.licenceId());
                    }
                });
                after = overdue.invoiceId();
            }
        } while (page.size() == BATCH);
    }

    /**
     * Once a week (from Monday) per member of staff, whatever day the cycle first runs that week, and only when it has
     * something to say: a digest of zeros (a new organisation, the first cycle after a first start) is not sent, nor
     * recorded, so the week's digest goes out at the first cycle that finds something (decision 0163). Whether there is
     * something is asked first, in one statement: an idle organisation was read its staff, this week's digest of one of
     * them and the digest's six queries at every cycle of the week (decision 0171).
     */
    private void sendDigests(Organisation organisation, LocalDate today) {
        if (!queries.digestHasSomething(
                organisation.id(), today, today.plusDays(DIGEST_ENDING_DAYS), renewedSince(today))) {
            return;
        }
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ReminderMessages.Digest digest = null;
        for (StaffMember member : preferences.staff(organisation.id())) {
            if (queries.digestSent(member.id(), weekStart)) {
                continue;
            }
            if (digest == null) {
                digest = digest(organisation.id(), today);
                if (digest.saysNothing()) {
                    return; // what there was ended, or was paid, between the two reads
                }
            }
            ReminderMessages.Digest content = digest;
            inTransaction("send the digest to user " + member.id(), () -> {
                if (queries.recordDigest(member.id(), weekStart, clock.instant())) {
                    outbox.enqueue(messages.digest(
                            organisation,
                            member.id(),
                            member.email(),
                            member.name(),
                            ReminderMessages.staffLocale(organisation, member.language()),
                            content));
                }
            });
        }
    }

    /**
     * Today and the six days before it are the "last 7 days" the digest names: counting from seven days back took in
     * eight days of renewals. Ending "within 30 days" runs, like expiring soon, to the day 30 days from today.
     */
    private ReminderMessages.Digest digest(long organisationId, LocalDate today) {
        LocalDate endingBy = today.plusDays(DIGEST_ENDING_DAYS);
        LocalDate renewedSince = renewedSince(today);
        return new ReminderMessages.Digest(
                queries.ending(organisationId, today, endingBy, DIGEST_LINES),
                queries.overdue(organisationId, today, DIGEST_LINES),
                queries.renewed(organisationId, renewedSince, today, DIGEST_LINES),
                endingBy,
                renewedSince,
                today);
    }

    private static LocalDate renewedSince(LocalDate today) {
        return today.minusDays(DIGEST_RENEWED_DAYS - 1);
    }

    /** Runs the step on every due row, a page at a time, each in its own transaction. */
    private void eachDue(Function<After, List<Due>> page, Consumer<Due> step, String what) {
        After after = After.START;
        List<Due> due;
        do {
            due = page.apply(after);
            for (Due one : due) {
                inTransaction(what + " licence " + one.id(), () -> step.accept(one));
                after = new After(one.endsOn(), one.id());
            }
        } while (due.size() == BATCH);
    }

    /**
     * One step, committed or rolled back alone. A refusal (a licence changed since it was found) or a failure is
     * logged and the cycle goes on; the step is found again on the next run if it is still due.
     */
    private void inTransaction(String what, Runnable step) {
        try {
            transactions.executeWithoutResult(status -> step.run());
        } catch (RefusedException refused) {
            log.info("Renewal cycle: did not {}: {}", what, refused.getMessage());
        } catch (RuntimeException failed) {
            log.warn("Renewal cycle: could not {}", what, failed);
        }
    }
}
