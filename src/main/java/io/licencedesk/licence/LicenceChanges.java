package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a licence changes, for staff, clients and screens alike: lock it, let the aggregate decide,
 * save, and publish what happened, in the caller's transaction, where the audit trail records it (decision
 * 0005).
 *
 * <p>A transaction locks and reads each licence once. The licences it has locked are held until it ends, and
 * a later change in it uses the one it holds: invoicing locks the licences it bills, then marks each one
 * invoiced. Nobody else can change a locked row, and every write to a licence goes through here, so a held
 * licence is always the row as it is (decision 0037).
 */
@Component
class LicenceChanges {

    /** Who made a change; a screen is nobody. */
    record Actor(Long id, String email) {

        static final Actor SCREEN = new Actor(null, null);

        static Actor of(Caller caller) {
            return new Actor(caller.userId(), caller.email());
        }
    }

    /** Makes the event of one kind of change: the events' constructors fit. */
    @FunctionalInterface
    interface EventType {
        LicenceEvent of(
                long organisationId,
                long licenceId,
                Long actorId,
                String actorEmail,
                Instant occurredAt,
                Map<String, Object> before,
                Map<String, Object> after);
    }

    private final LicenceRepository licences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LicenceChanges(LicenceRepository licences, ApplicationEventPublisher events, Clock clock) {
        this.licences = licences;
        this.events = events;
        this.clock = clock;
    }

    /** Locks and changes the organisation's licence; the currency is read only if it is not held yet. */
    Licence change(
            long organisationId,
            long id,
            Supplier<Currency> currency,
            Actor actor,
            EventType event,
            Consumer<Licence> transition) {
        return change(lock(organisationId, id, currency), actor, event, transition);
    }

    /** Changes a licence this transaction has locked. A refused transition leaves it as it was. */
    Licence change(Licence locked, Actor actor, EventType event, Consumer<Licence> transition) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> before = locked.snapshot(today);
        transition.accept(locked);
        try {
            licences.update(locked);
        } catch (RuntimeException notSaved) {
            // The held copy has moved on and the row has not: let a later step read the row again.
            held().remove(locked.id());
            throw notSaved;
        }
        publish(event, locked, actor, before, locked.snapshot(today));
        return locked;
    }

    void created(Licence saved, Actor actor) {
        publish(LicenceCreated::new, saved, actor, null, saved.snapshot(LocalDate.now(clock)));
    }

    void delete(long organisationId, long id, Supplier<Currency> currency, Actor actor) {
        Licence licence = lock(organisationId, id, currency);
        LocalDate today = LocalDate.now(clock);
        licence.ensureDeletable(today);
        // Published while the row is still there: a listener in this transaction (webhooks) reads its last state.
        publish(LicenceDeleted::new, licence, actor, licence.snapshot(today), null);
        licences.delete(licence);
        held().remove(id);
    }

    /** The organisation's licence, locked until this transaction ends (read only if it is not held yet). */
    Licence lock(long organisationId, long id, Supplier<Currency> currency) {
        Licence held = held().get(id);
        if (held != null) {
            if (held.organisationId() != organisationId) {
                throw new LicenceNotFoundException(id);
            }
            return held;
        }
        return hold(licences.findForUpdate(organisationId, id, currency.get())
                .orElseThrow(() -> new LicenceNotFoundException(id)));
    }

    /** Locks those of the ids that are the organisation's licences, in id order. */
    List<Licence> lockAll(long organisationId, Collection<Long> ids, Currency currency) {
        return licences.findAllForUpdate(organisationId, ids, currency).stream()
                .map(this::hold)
                .toList();
    }

    Optional<Licence> lockByCode(long organisationId, CouponCode code, Currency currency) {
        return licences.findByCodeForUpdate(organisationId, code, currency).map(this::hold);
    }

    private Licence hold(Licence locked) {
        Map<Long, Licence> held = held();
        held.putIfAbsent(locked.id(), locked);
        return held.get(locked.id());
    }

    private Map<Long, Licence> held() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Held held) {
                return held.licences;
            }
        }
        Held held = new Held();
        TransactionSynchronizationManager.registerSynchronization(held);
        return held.licences;
    }

    private void publish(
            EventType event, Licence licence, Actor actor, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(event.of(
                licence.organisationId(), licence.id(), actor.id(), actor.email(), clock.instant(), before, after));
    }

    /**
     * The licences a transaction has locked. Spring drops it with the transaction's other synchronizations
     * when the transaction ends, and sets it aside while an inner one runs (which holds none of its locks).
     */
    private static final class Held implements TransactionSynchronization {
        final Map<Long, Licence> licences = new HashMap<>();
    }
}
