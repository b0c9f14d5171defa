package io.licencedesk.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * An endpoint as its owner sees it; its signing secret is never part of it (it is shown once, at creation).
 *
 * @param allTypes whether it receives every event type, those added later too; else only {@code eventTypes}
 */
public record WebhookEndpoint(
        long id,
        String url,
        String description,
        boolean allTypes,
        Set<EventType> eventTypes,
        boolean enabled,
        Instant createdAt) {

    public boolean receives(EventType type) {
        return allTypes || eventTypes.contains(type);
    }
}
