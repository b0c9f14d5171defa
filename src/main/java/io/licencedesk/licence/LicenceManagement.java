package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.licence.LicenceChanges.Actor;
import io.licencedesk.licence.LicenceChanges.EventType;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.UnaryOperator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licence module's façade for staff: create, read, pause, resume and delete licences of the
 * caller's organisation. Each change is load, decide on the aggregate, save, and record, in one transaction.
 */
@Service
@Transactional
public class LicenceManagement {

    private final LicenceRepository licences;
    private final NewLicences newLicences;
    private final LicenceQueries queries;
    private final PlanCatalogue plans;
    private final AccountManagement accounts;
    private final LicenceChanges changes;
    private final EndingTermQueries endingTerms;
    private final RegisteredScreens screens;
    private final Clock clock;

    LicenceManagement(
            LicenceRepository licences,
            NewLicences newLicences,
            LicenceQueries queries,
            PlanCatalogue plans,
            AccountManagement accounts,
            LicenceChanges changes,
            EndingTermQueries endingTerms,
            RegisteredScreens screens,
            Clock clock) {
        this.licences = licences;
        this.newLicences = newLicences;
        this.queries = queries;
        this.plans = plans;
        this.accounts = accounts;
        this.changes = changes;
        this.endingTerms = endingTerms;
        this.screens = screens;
        this.clock = clock;
    }

    public LicenceDetails create(Caller caller, NewLicence request) {
        requireStaff(caller);
        Licence draft = Licence.create(
                caller.organisationId(),
                request,
                plans.plans(caller),
                clientId ->
                        accounts.findClient(caller.organisationId(), clientId).isPresent(),
                clock.instant());
        Licence saved = load(caller, newLicences.save(draft));
        changes.created(saved, Actor.of(caller));
        return details(caller, saved);
    }

    /** A page of the main list, filtered and sorted; see {@link LicenceFilter} for how filters combine. */
    @Transactional(readOnly = true)
    public LicenceListing list(Caller caller, LicenceFilter filter, LicencePageRequest page) {
        requireStaff(caller);
        Organisation organisation = accounts.organisation(caller);
        return queries.list(
                organisation.id(), organisation.currency(), organisation.expiringSoonDays(), today(), filter, page);
    }

    /** Today's expiring-soon window of the caller's organisation, whose dates the list names with its filter. */
    @Transactional(readOnly = true)
    public ExpiringSoonWindow expiringSoonWindow(Caller caller) {
        requireStaff(caller);
        return ExpiringSoonWindow.of(today(), accounts.organisation(caller).expiringSoonDays());
    }

    @Transactional(readOnly = true)
    public LicenceDetails details(Caller caller, long id) {
        requireStaff(caller);
        return details(
                caller,
                licences.find(caller.organisationId(), id, currency(caller))
                        .orElseThrow(() -> new LicenceNotFoundException(id)));
    }

    /**
     * Throws {@link LicenceNotFoundException} unless the id is a licence of the caller's organisation: the answer of
     * {@link #details} for an id that names none of its licences, read from the primary key alone, for a form that
     * checks its licence before it reads what it was sent.
     */
    @Transactional(readOnly = true)
    public void requireYours(Caller caller, long id) {
        if (!notYours(caller, List.of(id)).isEmpty()) {
            throw new LicenceNotFoundException(id);
        }
    }

    /**
     * The ids among these that are not licences of the caller's organisation (another organisation's, or nobody's),
     * in the order given: a selection of up to a page checked in one query, where one lookup an id cost a hundred.
     */
    @Transactional(readOnly = true)
    public List<Long> notYours(Caller caller, Collection<Long> ids) {
        requireStaff(caller);
        if (ids.isEmpty()) {
            return List.of();
        }
        var yours = new HashSet<>(licences.idsAmong(caller.organisationId(), new HashSet<>(ids)));
        return ids.stream().filter(id -> !yours.contains(id)).toList();
    }

    /**
     * The organisation's licences whose current term ended on or after {@code endedSince} (they are expired), or
     * that are active and end within its expiring-soon window: at most {@code limit}, by end date and id, after
     * {@code after} (null for the first). For notices sent once per licence and term.
     */
    @Transactional(readOnly = true)
    public List<EndingTerm> endingTerms(Caller caller, LocalDate endedSince, EndingTerm after, int limit) {
        requireStaff(caller);
        LocalDate today = today();
        LocalDate soonEnd = ExpiringSoonWindow.of(
                        today, accounts.organisation(caller).expiringSoonDays())
                .until();
        return endingTerms.endingTerms(caller.organisationId(), today, endedSince, soonEnd, after, limit);
    }

    public LicenceDetails pause(Caller caller, long id) {
        return details(caller, change(caller, id, LicencePaused::new, licence -> licence.pause(today())));
    }

    public LicenceDetails resume(Caller caller, long id) {
        return details(caller, change(caller, id, LicenceResumed::new, licence -> licence.resume(today())));
    }

    /**
     * Starts the licence's next term on its current term's end date, on its plan's term and price today (decision
     * 0048). Invoicing the new term is the caller's next step, in the same transaction.
     *
     * @throws RenewalRefusedException saying why it cannot be renewed now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LicenceDetails renew(Caller caller, long id) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        Plan plan = plans.plan(caller, locked.planId());
        return details(
                caller,
                changes.change(locked, Actor.of(caller), LicenceRenewed::new, licence -> licence.renew(plan, today())));
    }

    /** Whether the licence renews by itself: true or false for its own choice, null to follow its plan. */
    public LicenceDetails chooseAutoRenew(Caller caller, long id, Boolean choice) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        if (Objects.equals(locked.autoRenewChoice(), choice)) {
            return details(caller, locked);
        }
        return details(
                caller,
                changes.change(
                        locked, Actor.of(caller), LicenceEdited::new, licence -> licence.chooseAutoRenew(choice)));
    }

    /**
     * Pauses the licence because its renewal invoice is unpaid too long after its due date (decision 0048); paying
     * that invoice resumes it. Nothing happens to a licence that is not Active or Assigned any more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pauseForOverdue(Caller caller, long id) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        if (locked.canPause(today())) {
            changes.change(locked, Actor.of(caller), LicencePaused::new, licence -> licence.pauseForOverdue(today()));
        }
    }

    /**
     * Resumes a licence that the renewal cycle paused for an overdue renewal invoice, once that invoice is voided and
     * nothing else holds it paused (decision 0128): there is nothing left to pay. The caller is who voided it, as the
     * payer is for a payment's resume. A licence a person paused, or one running, is left as it is.
     *
     * @return whether this resumed the licence
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean releaseOverduePause(Caller caller, long id) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        if (!locked.pausedForOverdue(today())) {
            return false;
        }
        changes.change(locked, Actor.of(caller), LicenceResumed::new, licence -> licence.resume(today()));
        return true;
    }

    /**
     * Changes what the rules allow ({@link Licence#edit}). The change gets the licence's current values, read
     * under its lock, and answers what they should become; a refusal changes nothing. An edit that changes
     * nothing records nothing.
     */
    public LicenceDetails edit(Caller caller, long id, UnaryOperator<EditedLicence> change) {
        return edit(caller, id, null, change);
    }

    /**
     * As {@link #edit(Caller, long, UnaryOperator)}, once {@code expected} has accepted the licence as it is under
     * its lock, before anything is decided: it throws to refuse, and nothing changes. A channel's condition on the
     * version it read (the REST API's If-Match, decision 0130) is checked where no other change can come between the
     * check and the edit. Null: no condition.
     */
    public LicenceDetails edit(
            Caller caller, long id, Consumer<LicenceDetails> expected, UnaryOperator<EditedLicence> change) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        check(caller, locked, expected);
        EditedLicence edited = change.apply(locked.editable());
        if (!edited.changes(locked.editable())) {
            return details(caller, locked);
        }
        return details(
                caller,
                changes.change(
                        locked,
                        Actor.of(caller),
                        LicenceEdited::new,
                        licence -> licence.edit(
                                edited,
                                plans.plans(caller),
                                clientId -> accounts.findClient(caller.organisationId(), clientId)
                                        .isPresent(),
                                screens.on(id),
                                newLicences::freeCode)));
    }

    /**
     * Why {@link #create} would refuse these values, by field and all at once, changing nothing: for a channel that
     * names every field's error together, beside those it refused itself. A plan, quantity or client that is null
     * (none to offer, or already refused) is not checked; the name and note always are. {@link #create} applies the
     * same checks and refuses with all of them at once.
     */
    @Transactional(readOnly = true)
    public Map<String, Reason> newRefusals(
            Caller caller, Long planId, String name, String note, Integer quantity, Long clientId) {
        requireStaff(caller);
        return Licence.newRefusals(
                planId, name, note, quantity, clientId, plans.plans(caller), organisationClients(caller));
    }

    /**
     * Why {@link #edit} would refuse these values (a quantity or plan that is null is not checked, a null client is
     * none), by field and all at once, changing nothing. The edit itself checks again, under the licence's lock,
     * and refuses with all of them at once.
     */
    @Transactional(readOnly = true)
    public Map<String, Reason> editRefusals(
            Caller caller, long id, String name, String note, Integer quantity, Long planId, Long clientId) {
        requireStaff(caller);
        Licence licence = licences.find(caller.organisationId(), id, currency(caller))
                .orElseThrow(() -> new LicenceNotFoundException(id));
        return licence.refusals(
                name,
                note,
                quantity,
                planId,
                clientId,
                plans.plans(caller),
                organisationClients(caller),
                screens.on(id));
    }

    private LongPredicate organisationClients(Caller caller) {
        return clientId ->
                accounts.findClient(caller.organisationId(), clientId).isPresent();
    }

    public void delete(Caller caller, long id) {
        delete(caller, id, null);
    }

    /** As {@link #delete(Caller, long)}, once {@code expected} has accepted the licence under its lock (see edit). */
    public void delete(Caller caller, long id, Consumer<LicenceDetails> expected) {
        requireStaff(caller);
        check(caller, changes.lock(caller.organisationId(), id, () -> currency(caller)), expected);
        changes.delete(caller.organisationId(), id, () -> currency(caller), Actor.of(caller));
    }

    private void check(Caller caller, Licence locked, Consumer<LicenceDetails> expected) {
        if (expected != null) {
            expected.accept(details(caller, locked));
        }
    }

    /**
     * The amounts of those of the given licences that can be invoiced (they belong to the caller's
     * organisation and have a client), for showing a selection's total, in the order of the ids. One query for
     * the whole selection: a selection of 20 was 20 lookups, each time the toolbar showed its total.
     */
    @Transactional(readOnly = true)
    public Map<Long, Money> billableAmounts(Caller caller, Collection<Long> ids) {
        requireStaff(caller);
        Map<Long, Money> found = new HashMap<>();
        licences.findAll(caller.organisationId(), ids, currency(caller)).stream()
                .filter(Licence::billable)
                .forEach(licence -> found.put(licence.id(), licence.amount()));
        Map<Long, Money> amounts = new LinkedHashMap<>();
        ids.stream().filter(found::containsKey).forEach(id -> amounts.put(id, found.get(id)));
        return amounts;
    }

    /**
     * Locks the licences for billing, in the caller's transaction, so that concurrent sends of the same
     * licences run one after the other. Every id must be a licence of the caller's organisation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<BillableLicence> lockForBilling(Caller caller, Collection<Long> ids) {
        requireStaff(caller);
        List<Licence> locked = changes.lockAll(caller.organisationId(), ids, currency(caller));
        if (locked.size() != new HashSet<>(ids).size()) {
            throw new LicenceNotFoundException(ids.stream()
                    .filter(id ->
                            locked.stream().noneMatch(licence -> licence.id().equals(id)))
                    .findFirst()
                    .orElseThrow());
        }
        Map<Long, String> planNames = new HashMap<>();
        plans.plans(caller).forEach(plan -> planNames.put(plan.id(), plan.name()));
        LocalDate today = today();
        return locked.stream()
                .map(licence -> new BillableLicence(
                        licence.id(),
                        licence.couponCode().value(),
                        licence.name(),
                        planNames.get(licence.planId()),
                        licence.clientId(),
                        licence.quantity(),
                        licence.unitPrice(),
                        licence.amount(),
                        licence.term(),
                        licence.termNumber(),
                        licence.termStartsOn(),
                        licence.endsOn(),
                        licence.status(today),
                        licence.billingStatus()))
                .toList();
    }

    /**
     * Records the billing status of the licence's term, as invoicing decided it. An invoice of an earlier term (paid
     * or voided after the licence renewed) leaves the billing alone: the licence shows its current term's. Paying one of
     * its invoices resumes a licence that an overdue renewal invoice paused (decision 0048), unless another still holds
     * it paused ({@link #recordPaid}, decision 0121). A licence that {@link #lockForBilling} locked in this transaction
     * is not read again.
     *
     * @return whether this resumed the licence: what removing the payment would undo (decision 0093)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordBilling(Caller caller, long id, int termNumber, BillingStatus billing) {
        return recordBilling(caller, id, termNumber, billing, false);
    }

    /**
     * Records a payment as {@link #recordBilling} does, but leaves paused a licence that another of its renewal
     * invoices, still unpaid past its pause date, would pause (decision 0048: paying <em>that</em> invoice resumes it).
     *
     * @return whether this resumed the licence
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordPaid(Caller caller, long id, int termNumber, boolean anotherInvoiceStillOverdue) {
        return recordBilling(caller, id, termNumber, BillingStatus.PAID, anotherInvoiceStillOverdue);
    }

    private boolean recordBilling(
            Caller caller, long id, int termNumber, BillingStatus billing, boolean anotherInvoiceStillOverdue) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        Actor actor = Actor.of(caller);
        if (locked.termNumber() == termNumber) {
            switch (billing) {
                case INVOICED -> changes.change(locked, actor, LicenceInvoiced::new, Licence::markInvoiced);
                case PAID -> changes.change(locked, actor, LicencePaid::new, Licence::markPaid);
                case UNBILLED -> changes.change(locked, actor, LicenceInvoiceVoided::new, Licence::markUnbilled);
            }
        }
        if (billing == BillingStatus.PAID && locked.pausedForOverdue(today()) && !anotherInvoiceStillOverdue) {
            changes.change(locked, actor, LicenceResumed::new, licence -> licence.resume(today()));
            return true;
        }
        return false;
    }

    /**
     * Records that the payment of the licence's term was removed (decision 0086): the term is Invoiced again, as it was
     * before the payment. An invoice of an earlier term leaves the billing alone, as {@link #recordBilling} does.
     * Whether a licence that the payment resumed is paused again is the renewals' rule (decision 0088), applied after
     * this, so that the licence's history says the payment was removed before it says the licence was paused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordPaymentRemoved(Caller caller, long id, int termNumber) {
        requireStaff(caller);
        Licence locked = changes.lock(caller.organisationId(), id, () -> currency(caller));
        if (locked.termNumber() == termNumber) {
            changes.change(locked, Actor.of(caller), LicencePaymentRemoved::new, Licence::markPaymentRemoved);
        }
    }

    private Licence change(Caller caller, long id, EventType event, Consumer<Licence> transition) {
        requireStaff(caller);
        return changes.change(caller.organisationId(), id, () -> currency(caller), Actor.of(caller), event, transition);
    }

    private LicenceDetails details(Caller caller, Licence licence) {
        LocalDate today = today();
        LifecycleStatus status = licence.status(today);
        Plan plan = plans.plan(caller, licence.planId());
        Client client = licence.clientId() == null
                ? null
                : accounts.findClient(caller.organisationId(), licence.clientId())
                        .orElse(null);
        return new LicenceDetails(
                licence.id(),
                licence.couponCode(),
                licence.name(),
                licence.note(),
                plan,
                Terms.describe(licence.term()),
                licence.unitPrice(),
                licence.quantity(),
                licence.amount(),
                client,
                status,
                licence.expiringSoon(today, accounts.organisation(caller).expiringSoonDays()),
                licence.billingStatus(),
                licence.createdAt(),
                licence.activatedOn(),
                licence.endsOn(),
                licence.deletionRefusal(today),
                licence.planAndClientLock(),
                licence.canPause(today),
                licence.canResume(today),
                new LicenceDetails.Renewal(
                        licence.termNumber(),
                        licence.termStartsOn(),
                        licence.termPricedOn(),
                        licence.autoRenewChoice(),
                        licence.renewsAutomatically(plan),
                        licence.renewalRefusal(plan, today),
                        licence.pausedForOverdue(today)),
                licence.term());
    }

    private Licence load(Caller caller, long id) {
        return licences.find(caller.organisationId(), id, currency(caller))
                .orElseThrow(() -> new LicenceNotFoundException(id));
    }

    private Currency currency(Caller caller) {
        return accounts.organisation(caller).currency();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may manage licences");
        }
    }
}
