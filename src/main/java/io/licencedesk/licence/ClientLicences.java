package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.licence.LicenceChanges.Actor;
import io.licencedesk.shared.PageOf;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licence module's façade for clients (the portal) and for screens (the device API): a client sees
 * and starts only their own licences, and redeems coupon codes of their own organisation.
 */
@Service
@Transactional
public class ClientLicences {

    private final LicenceRepository licences;
    private final PlanRepository plans;
    private final AccountManagement accounts;
    private final LicenceChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientLicences(
            LicenceRepository licences,
            PlanRepository plans,
            AccountManagement accounts,
            LicenceChanges changes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.licences = licences;
        this.plans = plans;
        this.accounts = accounts;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the client's licences, newest first. */
    @Transactional(readOnly = true)
    public PageOf<ClientLicence> licences(Caller client, int page, int size) {
        requireClient(client);
        Organisation organisation = accounts.organisation(client);
        Map<Long, Plan> plansById = plansById(organisation);
        return PageOf.read(
                page,
                size,
                licences.countByClient(organisation.id(), client.userId()),
                (offset, limit) ->
                        licences
                                .findByClient(
                                        organisation.id(), client.userId(), organisation.currency(), offset, limit)
                                .stream()
                                .map(licence -> view(licence, organisation, plansById))
                                .toList());
    }

    /** One of the client's own licences; any other id is "not found", whoever it belongs to. */
    @Transactional(readOnly = true)
    public ClientLicence licence(Caller client, long id) {
        requireClient(client);
        Organisation organisation = accounts.organisation(client);
        Licence licence = licences.find(organisation.id(), id, organisation.currency())
                .filter(candidate -> Long.valueOf(client.userId()).equals(candidate.clientId()))
                .orElseThrow(() -> new LicenceNotFoundException(id));
        return view(licence, organisation, plansById(organisation));
    }

    /**
     * Redeems a coupon code typed by the client (any case, spaces allowed). Only an Available licence of
     * the client's organisation can be redeemed; the row lock makes concurrent redemptions of one code
     * run one after the other, so the first wins and the others find it already used. A refusal is published
     * ({@link CouponCodeRefused}) and commits, though nothing else changes.
     */
    @Transactional(noRollbackFor = CodeNotRedeemableException.class)
    public ClientLicence redeem(Caller client, String typedCode) {
        requireClient(client);
        CouponCode code;
        try {
            code = CouponCode.parse(typedCode);
        } catch (InvalidCouponCodeException notACode) {
            throw refused(client, null);
        }
        Organisation organisation = accounts.organisation(client);
        LocalDate today = today();
        Licence licence = changes.lockByCode(organisation.id(), code, organisation.currency())
                .orElseThrow(() -> refused(client, code));
        if (Long.valueOf(client.userId()).equals(licence.clientId())) {
            throw new CodeAlreadyYoursException(licence.id(), licence.name());
        }
        if (licence.status(today) != LifecycleStatus.AVAILABLE) {
            throw refused(client, code);
        }
        changes.change(
                licence, Actor.of(client), LicenceRedeemed::new, changed -> changed.redeem(client.userId(), today));
        return view(licence, organisation, plansById(organisation));
    }

    /** The client starts one of their Assigned licences: its first term begins today. */
    public ClientLicence activate(Caller client, long id) {
        return activate(client, id, null);
    }

    /**
     * As {@link #activate(Caller, long)}, once {@code expected} has accepted the licence as the client sees it under
     * its row lock, before its state is judged: it throws to refuse, and nothing changes. A channel's condition on
     * the version it read (the REST API's If-Match, decisions 0130 and 0140) is checked where no other change can come
     * between the check and the start. Null: no condition.
     */
    public ClientLicence activate(Caller client, long id, Consumer<ClientLicence> expected) {
        ClientLicence own = licence(client, id);
        Organisation organisation = accounts.organisation(client);
        Map<Long, Plan> plansById = plansById(organisation);
        Licence locked = changes.lock(organisation.id(), own.id(), organisation::currency);
        if (!Long.valueOf(client.userId()).equals(locked.clientId())) {
            throw new LicenceNotFoundException(id); // moved to another client between the read and the lock
        }
        if (expected != null) {
            expected.accept(view(locked, organisation, plansById));
        }
        Licence licence =
                changes.change(locked, Actor.of(client), LicenceActivated::new, changed -> changed.activate(today()));
        return view(licence, organisation, plansById);
    }

    /**
     * Locks the licence for a screen taking a seat, in the device API's transaction, so that concurrent
     * activations on one licence count its seats one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SeatLicence lockForSeats(long id) {
        Licence licence = lockedForDevice(id);
        return new SeatLicence(
                licence.id(),
                licence.organisationId(),
                licence.clientId(),
                licence.quantity(),
                licence.status(today()),
                licence.pausedForOverdue(today()),
                licence.endsOn(),
                licence.name(),
                licence.couponCode());
    }

    /** A screen took a seat on an Assigned licence: the client has used it, so it becomes Active. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void activateByDevice(long id) {
        changes.change(
                lockedForDevice(id), Actor.SCREEN, LicenceActivatedByScreen::new, changed -> changed.activate(today()));
    }

    private Licence lockedForDevice(long id) {
        long organisationId = licences.organisationIdOf(id).orElseThrow(() -> new LicenceNotFoundException(id));
        return changes.lock(
                organisationId,
                id,
                () -> accounts.organisationForDevice(organisationId).currency());
    }

    private CodeNotRedeemableException refused(Caller client, CouponCode code) {
        events.publishEvent(new CouponCodeRefused(client, CouponCodeRefused.masked(code), clock.instant()));
        return new CodeNotRedeemableException();
    }

    private ClientLicence view(Licence licence, Organisation organisation, Map<Long, Plan> plansById) {
        LocalDate today = today();
        return new ClientLicence(
                licence.id(),
                licence.couponCode(),
                licence.name(),
                plansById.get(licence.planId()).name(),
                Terms.describe(licence.term()),
                licence.quantity(),
                licence.unitPrice(),
                licence.amount(),
                licence.status(today),
                licence.billingStatus(),
                licence.expiringSoon(today, organisation.expiringSoonDays()),
                licence.activatedOn(),
                licence.endsOn(),
                licence.renewsAutomatically(plansById.get(licence.planId()))
                        && licence.status(today) != LifecycleStatus.EXPIRED,
                licence.term(),
                licence.pausedForOverdue(today),
                licence.termNumber(),
                licence.termStartsOn());
    }

    private Map<Long, Plan> plansById(Organisation organisation) {
        Map<Long, Plan> names = new HashMap<>();
        plans.findAll(organisation.id(), organisation.currency()).forEach(plan -> names.put(plan.id(), plan));
        return names;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient()) {
            throw new AccessDeniedException("Only clients have licences of their own");
        }
    }
}
