package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.shared.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LicenceManagement(
            LicenceRepository licences,
            NewLicences newLicences,
            LicenceQueries queries,
            PlanCatalogue plans,
            AccountManagement accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.licences = licences;
        this.newLicences = newLicences;
        this.queries = queries;
        this.plans = plans;
        this.accounts = accounts;
        this.events = events;
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
        long id = newLicences.save(draft);
        Licence saved = load(caller, id);
        record(caller, saved, "CREATED", null, saved.snapshot(today()));
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

    @Transactional(readOnly = true)
    public LicenceDetails details(Caller caller, long id) {
        requireStaff(caller);
        return details(
                caller,
                licences.find(caller.organisationId(), id, currency(caller))
                        .orElseThrow(() -> new LicenceNotFoundException(id)));
    }

    public LicenceDetails pause(Caller caller, long id) {
        return change(caller, id, "PAUSED", licence -> licence.pause(today()));
    }

    public LicenceDetails resume(Caller caller, long id) {
        return change(caller, id, "RESUMED", licence -> licence.resume(today()));
    }

    public void delete(Caller caller, long id) {
        requireStaff(caller);
        Licence licence = loadForUpdate(caller, id);
        licence.ensureDeletable(today());
        licences.delete(licence);
        record(caller, licence, "DELETED", licence.snapshot(today()), null);
    }

    /**
     * The amounts of those of the given licences that can be invoiced (they belong to the caller's
     * organisation and have a client), for showing a selection's total.
     */
    @Transactional(readOnly = true)
    public Map<Long, Money> billableAmounts(Caller caller, Collection<Long> ids) {
        requireStaff(caller);
        Currency currency = currency(caller);
        Map<Long, Money> amounts = new LinkedHashMap<>();
        for (long id : ids) {
            licences.find(caller.organisationId(), id, currency)
                    .filter(Licence::billable)
                    .ifPresent(licence -> amounts.put(id, licence.amount()));
        }
        return amounts;
    }

    /**
     * Locks the licences for billing, in the caller's transaction, so that concurrent sends of the same
     * licences run one after the other. Every id must be a licence of the caller's organisation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<BillableLicence> lockForBilling(Caller caller, Collection<Long> ids) {
        requireStaff(caller);
        List<Licence> locked = licences.findAllForUpdate(caller.organisationId(), ids, currency(caller));
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
                        licence.activatedOn(),
                        licence.endsOn(),
                        licence.status(today),
                        licence.billingStatus()))
                .toList();
    }

    /** Records the billing status of the licence's current term, as invoicing decided it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBilling(Caller caller, long id, BillingStatus billing) {
        String action = switch (billing) {
            case INVOICED -> "INVOICED";
            case PAID -> "PAID";
            case UNBILLED -> "INVOICE_VOIDED";
        };
        change(caller, id, action, licence -> {
            switch (billing) {
                case INVOICED -> licence.markInvoiced();
                case PAID -> licence.markPaid();
                case UNBILLED -> licence.markUnbilled();
            }
        });
    }

    private LicenceDetails change(Caller caller, long id, String action, java.util.function.Consumer<Licence> step) {
        requireStaff(caller);
        Licence licence = loadForUpdate(caller, id);
        Map<String, Object> before = licence.snapshot(today());
        step.accept(licence);
        licences.updateState(licence);
        record(caller, licence, action, before, licence.snapshot(today()));
        return details(caller, licence);
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
                licence.canPause(today),
                licence.canResume(today));
    }

    private void record(
            Caller caller, Licence licence, String action, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(new LicenceChanged(
                caller.organisationId(),
                licence.id(),
                action,
                caller.userId(),
                caller.email(),
                clock.instant(),
                before,
                after));
    }

    private Licence load(Caller caller, long id) {
        return licences.find(caller.organisationId(), id, currency(caller))
                .orElseThrow(() -> new LicenceNotFoundException(id));
    }

    private Licence loadForUpdate(Caller caller, long id) {
        return licences.findForUpdate(caller.organisationId(), id, currency(caller))
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
