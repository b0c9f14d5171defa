package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import io.licencedesk.webhooks.EndpointChange;
import io.licencedesk.webhooks.EventType;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.WebhookEndpoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook endpoint as an owner registers it: its address, a note, and the events it wants (or all of them). An edit
 * binds the same fields but the address, which it does not send (a new address is a new endpoint, decision 0161).
 */
record WebhookEndpointForm(
        @NotBlank(message = "{webhooks.form.url.missing}") @Size(max = 2000, message = "{webhooks.form.url.tooLong}")
        String url,

        @Size(max = 200, message = "{webhooks.form.description.tooLong}") @PlainText
        String description,

        /** "true" when the "All events" box is ticked; text, so that no value fails to bind. */
        String allTypes,
        List<String> eventTypes) {

    static WebhookEndpointForm empty() {
        return new WebhookEndpointForm("", "", "true", List.of());
    }

    /** The endpoint as it is, for its edit form. */
    static WebhookEndpointForm of(WebhookEndpoint endpoint) {
        return new WebhookEndpointForm(
                endpoint.url(),
                endpoint.description() == null ? "" : endpoint.description(),
                endpoint.allTypes() ? "true" : null,
                endpoint.allTypes()
                        ? List.of()
                        : endpoint.eventTypes().stream()
                                .map(EventType::wireName)
                                .sorted()
                                .toList());
    }

    public boolean all() {
        return "true".equals(allTypes);
    }

    /** The message key of what is wrong with the chosen events, or null. */
    String eventsProblem() {
        if (eventTypes != null
                && !eventTypes.stream()
                        .allMatch(name -> EventType.ofWireName(name).isPresent())) {
            return "webhooks.form.events.unknown";
        }
        return all() || (eventTypes != null && !eventTypes.isEmpty()) ? null : "webhooks.form.events.missing";
    }

    /** Whether the box of this type is ticked, for showing the form again. */
    public boolean chose(String wireName) {
        return eventTypes != null && eventTypes.contains(wireName);
    }

    NewEndpoint toNewEndpoint() {
        return new NewEndpoint(url, description, all(), chosenTypes());
    }

    /** Its description and events as a change; a blank description removes it. */
    EndpointChange toChange() {
        return new EndpointChange(description == null ? "" : description, all(), chosenTypes());
    }

    private Set<EventType> chosenTypes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (eventTypes != null) {
            eventTypes.stream()
                    .map(EventType::ofWireName)
                    .flatMap(Optional::stream)
                    .forEach(types::add);
        }
        return types;
    }
}
