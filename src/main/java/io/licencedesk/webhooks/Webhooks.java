package io.licencedesk.webhooks;

import io.licencedesk.accounts.Caller;
import io.licencedesk.audit.AuditSubject;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.audit.ReportedChange;
import io.licencedesk.shared.Characters;
import io.licencedesk.shared.PageOf;
import io.licencedesk.shared.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks façade, for owners: register endpoints (the signing secret is returned once), enable, disable and
 * delete them, read each one's delivery log and send a delivery again, and allow or refuse private addresses.
 * Another organisation's endpoint or delivery is {@link EndpointNotFoundException}, as if it did not exist.
 */
@Service
@Transactional
public class Webhooks {

    /** Endpoints an organisation may have: each event is queued once per endpoint, in the change's transaction. */
    public static final int MAX_ENDPOINTS = 20;

    public static final int MAX_DESCRIPTION = 200;

    /**
     * How long a rolled secret keeps signing beside the new one when the owner keeps it (decision 0157): a day for
     * the receiver to take the new secret without refusing a delivery meanwhile.
     */
    public static final Duration PREVIOUS_SECRET_OVERLAP = Duration.ofHours(24);

    /** The setting's name in the audit log. */
    static final String PRIVATE_ADDRESSES_SETTING = "webhooksToPrivateAddresses";

    /** A delivery's status in the audit log's record of "Send again". */
    private static final String DELIVERY_STATUS = "deliveryStatus";

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EndpointAddresses addresses;
    private final AuditTrail audit;
    private final DeliveryErrors errors;
    private final Clock clock;

    Webhooks(
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            EndpointAddresses addresses,
            AuditTrail audit,
            DeliveryErrors errors,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.audit = audit;
        this.errors = errors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints(Caller caller) {
        requireOwner(caller);
        return endpoints.all(caller.organisationId());
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint endpoint(Caller caller, long id) {
        requireOwner(caller);
        return find(caller, id);
    }

    /**
     * Why this address may not receive the caller's webhooks, or empty when it may: the address check of
     * {@link #register}, for a form that reports the address's error with its other fields' errors at once.
     */
    @Transactional(readOnly = true)
    public Optional<Reason> addressRefusal(Caller caller, String url) {
        requireOwner(caller);
        return addresses.refusal(url, endpoints.allowsPrivateAddresses(caller.organisationId()));
    }

    /**
     * Registers an endpoint, enabled, with a new signing secret that is returned this once.
     *
     * @throws EndpointRefusedException naming the field at fault: an address that may not receive webhooks (not
     *     http(s), private unless allowed, http to a public address), no event chosen, a description too long, or
     *     the organisation's {@link #MAX_ENDPOINTS} reached
     */
    public CreatedEndpoint register(Caller caller, NewEndpoint endpoint) {
        requireOwner(caller);
        if (endpoints.count(caller.organisationId()) >= MAX_ENDPOINTS) {
            throw new EndpointRefusedException("url", Reason.of("reason.webhook.tooManyEndpoints", MAX_ENDPOINTS));
        }
        var refusal = addresses.refusal(endpoint.url(), endpoints.allowsPrivateAddresses(caller.organisationId()));
        if (refusal.isPresent()) {
            throw new EndpointRefusedException("url", refusal.get());
        }
        requireEvents(endpoint.allTypes(), endpoint.eventTypes());
        String description = description(endpoint.description());
        String secret = Signatures.newSecret();
        long id = endpoints.insert(
                caller.organisationId(),
                new NewEndpoint(
                        EndpointAddresses.withAsciiHost(endpoint.url()),
                        description,
                        endpoint.allTypes(),
                        endpoint.eventTypes()),
                secret,
                clock.instant());
        WebhookEndpoint created = find(caller, id);
        recordChange(caller, "ADDED", null, created);
        return new CreatedEndpoint(created, secret);
    }

    /**
     * Changes what the endpoint receives and its description, by the rules of {@link #register}: each part of
     * {@code change} left null stays as it is. Its address and secret stay (a new address is a new endpoint: its
     * receiver has to take a new secret).
     *
     * @throws EndpointRefusedException naming the field at fault: no event chosen, a description too long
     */
    public WebhookEndpoint change(Caller caller, long id, EndpointChange change) {
        return change(caller, id, current -> change);
    }

    /**
     * As {@link #change(Caller, long, EndpointChange)}, with the change that {@code change} makes of the endpoint as
     * it is under its row lock, held until the caller's transaction ends (decision 0162): it may refuse by throwing
     * (an If-Match naming another version, a form opened before someone else's edit of the same field), and then
     * nothing changes. Two changes at the same instant are judged one after the other, each on the other's result.
     */
    public WebhookEndpoint change(Caller caller, long id, Function<WebhookEndpoint, EndpointChange> change) {
        requireOwner(caller);
        WebhookEndpoint before = lock(caller, id);
        EndpointChange wanted = change.apply(before);
        boolean allTypes = wanted.allTypes() == null ? before.allTypes() : wanted.allTypes();
        Set<EventType> types = wanted.allTypes() == null ? before.eventTypes() : wanted.eventTypes();
        requireEvents(allTypes, types);
        String description = wanted.description() == null ? before.description() : description(wanted.description());
        if (!endpoints.change(caller.organisationId(), id, description, allTypes, types)) {
            throw new EndpointNotFoundException(id);
        }
        WebhookEndpoint after = find(caller, id);
        if (!before.equals(after)) {
            recordChange(caller, "CHANGED", before, after);
        }
        return after;
    }

    public WebhookEndpoint enable(Caller caller, long id) {
        return setEnabled(caller, id, true);
    }

    public WebhookEndpoint disable(Caller caller, long id) {
        return setEnabled(caller, id, false);
    }

    /**
     * Gives the endpoint a new signing secret, returned this once. With {@code keepPrevious}, the secret it replaces
     * keeps signing beside it for {@link #PREVIOUS_SECRET_OVERLAP} (each request then carries two {@code v1}
     * signatures), so that a receiver still holding it refuses nothing while it changes; without, the replaced secret
     * stops signing at once, as for a secret that leaked. Either way no secret older than the replaced one signs.
     */
    public CreatedEndpoint rollSecret(Caller caller, long id, boolean keepPrevious) {
        return rollSecret(caller, id, keepPrevious, endpoint -> {});
    }

    /**
     * As {@link #rollSecret(Caller, long, boolean)}, only if the current secret is still the one {@code replacing}
     * names (its {@link WebhookEndpoint#secretCreatedAt}, as a page showed it; null: whichever is current), judged
     * under the endpoint's row lock.
     *
     * @throws SecretRolledMeanwhileException when someone else rolled it since: nothing changes
     */
    public CreatedEndpoint rollSecret(Caller caller, long id, boolean keepPrevious, Instant replacing) {
        return rollSecret(caller, id, keepPrevious, endpoint -> {
            if (replacing != null && !replacing.equals(endpoint.secretCreatedAt())) {
                throw new SecretRolledMeanwhileException(id);
            }
        });
    }

    /**
     * As {@link #rollSecret(Caller, long, boolean)}, once {@code expected} has accepted the endpoint as it is under
     * its row lock (an If-Match): of two rolls at the same instant, the second then sees the first's secret and may
     * refuse, rather than replace a secret its sender was just told is current (decision 0170).
     */
    CreatedEndpoint rollSecret(Caller caller, long id, boolean keepPrevious, Consumer<WebhookEndpoint> expected) {
        requireOwner(caller);
        WebhookEndpoint before = lock(caller, id);
        expected.accept(before);
        String secret = Signatures.newSecret();
        Instant now = clock.instant();
        Instant previousUntil = keepPrevious ? now.plus(PREVIOUS_SECRET_OVERLAP) : null;
        if (!endpoints.rollSecret(caller.organisationId(), id, secret, previousUntil, madeAfter(before, now))) {
            throw new EndpointNotFoundException(id);
        }
        WebhookEndpoint after = find(caller, id);
        recordChange(caller, "SECRET_ROLLED", before, after);
        return new CreatedEndpoint(after, secret);
    }

    /**
     * When a roll's new secret is made: now (to the microsecond, as stored), or just after the secret it replaces if
     * this node's clock says otherwise, so that each secret has an instant of its own and the endpoint's ETag changes
     * at every roll (decision 0170).
     */
    private static Instant madeAfter(WebhookEndpoint before, Instant now) {
        Instant made = now.truncatedTo(ChronoUnit.MICROS);
        return made.isAfter(before.secretCreatedAt())
                ? made
                : before.secretCreatedAt().plus(1, ChronoUnit.MICROS);
    }

    /** Deletes the endpoint with its delivery log; what was still waiting for it is not sent. */
    public void delete(Caller caller, long id) {
        delete(caller, id, endpoint -> {});
    }

    /**
     * As {@link #delete(Caller, long)}, once {@code expected} has accepted the endpoint as it is under its row lock
     * (see {@link #change(Caller, long, Function)}); nothing is deleted when it throws.
     */
    void delete(Caller caller, long id, Consumer<WebhookEndpoint> expected) {
        requireOwner(caller);
        WebhookEndpoint deleted = lock(caller, id);
        expected.accept(deleted);
        if (!endpoints.delete(caller.organisationId(), id)) {
            throw new EndpointNotFoundException(id);
        }
        recordChange(caller, "DELETED", deleted, null);
    }

    /** The endpoint's deliveries, newest first. */
    @Transactional(readOnly = true)
    public PageOf<WebhookDelivery> deliveries(Caller caller, long endpointId, int page, int size) {
        requireOwner(caller);
        long endpoint = find(caller, endpointId).id();
        return PageOf.read(
                page,
                size,
                deliveries.count(caller.organisationId(), endpoint),
                (offset, limit) -> deliveries.page(caller.organisationId(), endpoint, offset, limit).stream()
                        .map(delivery -> delivery.withLastErrorReason(errors.reasonOf(delivery.lastError())))
                        .toList());
    }

    /** One delivery of the endpoint with the body it sends, for a developer to see what their receiver got. */
    @Transactional(readOnly = true)
    public DeliveryRequest delivery(Caller caller, long endpointId, long deliveryId) {
        requireOwner(caller);
        find(caller, endpointId);
        WebhookDelivery delivery = deliveries
                .find(caller.organisationId(), endpointId, deliveryId)
                .orElseThrow(() -> new EndpointNotFoundException(deliveryId));
        String body = deliveries
                .payload(caller.organisationId(), endpointId, deliveryId)
                .orElseThrow(() -> new EndpointNotFoundException(deliveryId));
        return new DeliveryRequest(delivery.withLastErrorReason(errors.reasonOf(delivery.lastError())), body);
    }

    /**
     * Puts a delivered or failed delivery back in line, to be sent now with a new round of attempts; false when it
     * is still pending or being sent.
     */
    public boolean sendAgain(Caller caller, long endpointId, long deliveryId) {
        requireOwner(caller);
        WebhookEndpoint endpoint = find(caller, endpointId);
        WebhookDelivery delivery = deliveries
                .find(caller.organisationId(), endpointId, deliveryId)
                .orElseThrow(() -> new EndpointNotFoundException(deliveryId));
        if (!deliveries.sendAgain(caller.organisationId(), endpointId, deliveryId, clock.instant())) {
            return false;
        }
        // An owner's action that sends data to an outside address again: in the log with the others (which event,
        // and how its delivery had ended), in the same transaction as the change. Not "eventId": the log hides a
        // field named so, as the id of a name beside it.
        audit.record(
                caller,
                new ReportedChange(
                        AuditSubject.WEBHOOK_ENDPOINT,
                        endpoint.id(),
                        endpoint.url(),
                        "DELIVERY_SENT_AGAIN",
                        Map.of(DELIVERY_STATUS, delivery.status().name()),
                        Map.of(
                                "event",
                                delivery.eventType(),
                                "eventIdentifier",
                                delivery.eventId(),
                                DELIVERY_STATUS,
                                WebhookDeliveryStatus.PENDING.name()),
                        clock.instant()));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean privateAddressesAllowed(Caller caller) {
        requireOwner(caller);
        return endpoints.allowsPrivateAddresses(caller.organisationId());
    }

    /**
     * Allows or refuses endpoints at private addresses. Refusing them again stops deliveries to such endpoints at
     * their next attempt (each attempt fails with the reason, and is retried as any failure is), whatever was registered before.
     */
    public void allowPrivateAddresses(Caller caller, boolean allowed) {
        requireOwner(caller);
        boolean before = endpoints.allowsPrivateAddresses(caller.organisationId());
        endpoints.allowPrivateAddresses(caller.organisationId(), allowed);
        if (before != allowed) {
            audit.record(
                    caller,
                    new ReportedChange(
                            AuditSubject.ORGANISATION,
                            caller.organisationId(),
                            null,
                            "SETTINGS_CHANGED",
                            Map.of(PRIVATE_ADDRESSES_SETTING, before),
                            Map.of(PRIVATE_ADDRESSES_SETTING, allowed),
                            clock.instant()));
        }
    }

    private WebhookEndpoint setEnabled(Caller caller, long id, boolean enabled) {
        requireOwner(caller);
        WebhookEndpoint before = lock(caller, id);
        if (!endpoints.setEnabled(caller.organisationId(), id, enabled)) {
            throw new EndpointNotFoundException(id);
        }
        WebhookEndpoint after = find(caller, id);
        if (before.enabled() != enabled) {
            recordChange(caller, enabled ? "ENABLED" : "DISABLED", before, after);
        }
        return after;
    }

    private static void requireEvents(boolean allTypes, Set<EventType> types) {
        if (!allTypes && types.isEmpty()) {
            throw new EndpointRefusedException("eventTypes", Reason.of("reason.webhook.chooseEvents"));
        }
    }

    /** The description as kept: stripped, null when blank; refused when too long. */
    private static String description(String given) {
        String description = given == null || given.isBlank() ? null : given.strip();
        if (description != null && Characters.moreThan(description, MAX_DESCRIPTION)) {
            throw new EndpointRefusedException(
                    "description", Reason.of("reason.webhook.descriptionTooLong", MAX_DESCRIPTION));
        }
        return description;
    }

    /** An endpoint is part of the organisation's settings: its changes are in the audit log (decision 0051). */
    private void recordChange(Caller caller, String action, WebhookEndpoint before, WebhookEndpoint after) {
        WebhookEndpoint endpoint = after == null ? before : after;
        audit.record(
                caller,
                new ReportedChange(
                        AuditSubject.WEBHOOK_ENDPOINT,
                        endpoint.id(),
                        endpoint.url(),
                        action,
                        before,
                        after,
                        clock.instant()));
    }

    private WebhookEndpoint find(Caller caller, long id) {
        return endpoints.find(caller.organisationId(), id).orElseThrow(() -> new EndpointNotFoundException(id));
    }

    /** The endpoint under its row lock, so that the audit log's before is what the change replaced. */
    private WebhookEndpoint lock(Caller caller, long id) {
        return endpoints
                .findForUpdate(caller.organisationId(), id)
                .orElseThrow(() -> new EndpointNotFoundException(id));
    }

    private static void requireOwner(Caller caller) {
        if (!caller.isOwner()) {
            throw new AccessDeniedException("Only owners may manage webhooks");
        }
    }
}
