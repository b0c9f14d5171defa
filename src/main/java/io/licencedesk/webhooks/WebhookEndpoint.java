package io.licencedesk.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * An endpoint as its owner sees it; its signing secret is never part of it (it is shown once, at creation).
 *
 * @param allTypes whether it receives every event type, those added later too; else only {@code eventTypes}
 * @param previousSecretUntil when the secret replaced by the last roll stops signing beside the current one; null
 *     when it does not sign (decision 0157)
 * @param secretCreatedAt when the current signing secret was made: at the endpoint's creation, or by its last roll;
 *     each roll makes it later than the one before (decision 0170), so that it tells two secrets apart
 */
public record WebhookEndpoint(
        long id,
        String url,
        String description,
        boolean allTypes,
        Set<EventType> eventTypes,
        boolean enabled,
        Instant createdAt,
        Instant previousSecretUntil,
        Instant secretCreatedAt) {

    public boolean receives(EventType type) {
        return allTypes || eventTypes.contains(type);
    }

    /** Whether the secret replaced by the last roll still signs beside the current one at this instant. */
    public boolean previousSecretSigns(Instant now) {
        return previousSecretSigns(previousSecretUntil, now);
    }

    /**
     * The rule of the overlap (decision 0157), for the page that says until when the previous secret signs and for
     * the sender that signs with it ({@link DeliveryRepository.Claimed#signingSecrets}): it signs up to, not at, the
     * instant a roll kept it until; never when no roll kept it.
     */
    static boolean previousSecretSigns(Instant previousSecretUntil, Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil);
    }
}
