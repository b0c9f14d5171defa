package io.licencedesk.console;

import io.licencedesk.webhooks.EventType;
import io.licencedesk.webhooks.WebhookEndpoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The events a webhook form sends, for the add form and the edit form alike: the "All events" box ("true" when
 * ticked; text, so that no value fails to bind) or the types ticked, by their names on the wire.
 */
final class ChosenEvents {

    private ChosenEvents() {}

    static boolean all(String allTypes) {
        return "true".equals(allTypes);
    }

    /** The message key of what is wrong with the chosen events, or null. */
    static String problem(String allTypes, List<String> eventTypes) {
        if (eventTypes != null
                && !eventTypes.stream()
                        .allMatch(name -> EventType.ofWireName(name).isPresent())) {
            return "webhooks.form.events.unknown";
        }
        return all(allTypes) || (eventTypes != null && !eventTypes.isEmpty()) ? null : "webhooks.form.events.missing";
    }

    static Set<EventType> types(List<String> eventTypes) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (eventTypes != null) {
            eventTypes.stream()
                    .map(EventType::ofWireName)
                    .flatMap(Optional::stream)
                    .forEach(types::add);
        }
        return types;
    }

    /** The endpoint's events as boxes to tick: none for every type, which the "All events" box says. */
    static List<String> names(WebhookEndpoint endpoint) {
        return endpoint.allTypes()
                ? List.of()
                : endpoint.eventTypes().stream()
                        .map(EventType::wireName)
                        .sorted()
                        .toList();
    }

    /** Events as one text that two choices compare by: "*" for every type, else the names in order. */
    static String text(boolean all, Set<EventType> types) {
        return all ? "*" : types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(","));
    }
}
