package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a licence changes, for staff, clients and screens alike: lock it, let the aggregate decide,
 * save, and publish what happened, in the caller's transaction, where the audit trail records it (decision
 * 0005).
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

    /** Locks and changes the organisation's licence. */
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
        licences.updateState(locked);
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
        licences.delete(licence);
        publish(LicenceDeleted::new, licence, actor, licence.snapshot(today), null);
    }

    /** The organisation's licence, locked until this transaction ends. */
    Licence lock(long organisationId, long id, Supplier<Currency> currency) {
        return licences.findForUpdate(organisationId, id, currency.get())
                .orElseThrow(() -> new LicenceNotFoundException(id));
    }

    /** Locks those of the ids that are the organisation's licences, in id order. */
    List<Licence> lockAll(long organisationId, Collection<Long> ids, Currency currency) {
        return licences.findAllForUpdate(organisationId, ids, currency);
    }

    Optional<Licence> lockByCode(long organisationId, CouponCode code, Currency currency) {
        return licences.findByCodeForUpdate(organisationId, code, currency);
    }

    private void publish(
            EventType event, Licence licence, Actor actor, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(event.of(
                licence.organisationId(), licence.id(), actor.id(), actor.email(), clock.instant(), before, after));
    }
}
