package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import io.licencedesk.webhooks.EndpointChange;
import io.licencedesk.webhooks.WebhookEndpoint;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The "Edit endpoint" form (decision 0161): its description and events, not its address (a new address is a new
 * endpoint). The page's values as loaded come back in hidden fields (decision 0162), as the licence's edit form does:
 * a field the person left as it was keeps what the endpoint has when saved, and a field both the person and someone
 * else changed since the page was loaded is shown instead of saved. A post without them (a page of before) saves every
 * field as sent.
 */
record WebhookEndpointEditForm(
        @Size(max = 200, message = "{webhooks.form.description.tooLong}") @PlainText
        String description,

        String allTypes,
        List<String> eventTypes,
        String loadedDescription,
        String loadedEvents) {

    static WebhookEndpointEditForm of(WebhookEndpoint endpoint) {
        return new WebhookEndpointEditForm(
                descriptionText(endpoint),
                endpoint.allTypes() ? "true" : null,
                ChosenEvents.names(endpoint),
                descriptionText(endpoint),
                eventsText(endpoint));
    }

    /** The same typed values, over the endpoint as it is now: saved again, they replace it. */
    WebhookEndpointEditForm loadedFrom(WebhookEndpoint now) {
        return new WebhookEndpointEditForm(description, allTypes, eventTypes, descriptionText(now), eventsText(now));
    }

    public boolean all() {
        return ChosenEvents.all(allTypes);
    }

    /** Whether the box of this type is ticked, for showing the form again. */
    public boolean chose(String wireName) {
        return eventTypes != null && eventTypes.contains(wireName);
    }

    /** The message key of what is wrong with the chosen events, or null. */
    String eventsProblem() {
        return ChosenEvents.problem(allTypes, eventTypes);
    }

    /**
     * What the person changed, over the endpoint as it is: a field left as the page was loaded is null in the change,
     * so that it stays as it is now. A blank description removes it.
     */
    EndpointChange over(WebhookEndpoint current) {
        boolean events = changed(typedEvents(), loadedEvents);
        return new EndpointChange(
                changed(typedDescription(), loadedDescription) ? typedDescription() : null,
                events ? all() : null,
                events ? ChosenEvents.types(eventTypes) : null);
    }

    /**
     * The fields the person changed that someone else changed too, to another value, since the page was loaded
     * ("description", "eventTypes"): saving them would undo that other edit unseen.
     */
    Set<String> clashesWith(WebhookEndpoint current) {
        var clashes = new LinkedHashSet<String>();
        clash("description", typedDescription(), loadedDescription, descriptionText(current), clashes);
        clash("eventTypes", typedEvents(), loadedEvents, eventsText(current), clashes);
        return clashes;
    }

    private static void clash(String field, String typed, String loaded, String now, Set<String> clashes) {
        if (changed(typed, loaded) && loaded != null && !now.equals(loaded) && !now.equals(typed)) {
            clashes.add(field);
        }
    }

    /** Changed since the page was loaded; every field is, when the page sent no values as loaded. */
    private static boolean changed(String typed, String loaded) {
        return loaded == null || !Objects.equals(typed, loaded);
    }

    private String typedDescription() {
        return description == null ? "" : description.strip();
    }

    private String typedEvents() {
        return ChosenEvents.text(all(), ChosenEvents.types(eventTypes));
    }

    private static String descriptionText(WebhookEndpoint endpoint) {
        return endpoint.description() == null ? "" : endpoint.description();
    }

    private static String eventsText(WebhookEndpoint endpoint) {
        return ChosenEvents.text(endpoint.allTypes(), endpoint.eventTypes());
    }
}
