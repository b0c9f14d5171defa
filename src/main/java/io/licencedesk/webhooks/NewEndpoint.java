package io.licencedesk.webhooks;

import java.util.Set;

/** An endpoint to register: where to post, a note for people, and the events it wants (or all of them). */
public record NewEndpoint(String url, String description, boolean allTypes, Set<EventType> eventTypes) {

    public NewEndpoint {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }
}
