package io.licencedesk.webhooks;

import java.util.Set;

/**
 * A change of an endpoint: each part null stays as it is. {@code eventTypes} counts only with {@code allTypes}; a
 * blank description removes it.
 */
public record EndpointChange(String description, Boolean allTypes, Set<EventType> eventTypes) {

    public EndpointChange {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }
}
