package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import io.licencedesk.webhooks.NewEndpoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook endpoint as an owner registers it: its address, a note, and the events it wants (or all of them). Its
 * edit has a form of its own (WebhookEndpointEditForm), without the address; both take the events as ChosenEvents.
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

    public boolean all() {
        return ChosenEvents.all(allTypes);
    }

    /** The message key of what is wrong with the chosen events, or null. */
    String eventsProblem() {
        return ChosenEvents.problem(allTypes, eventTypes);
    }

    /** Whether the box of this type is ticked, for showing the form again. */
    public boolean chose(String wireName) {
        return eventTypes != null && eventTypes.contains(wireName);
    }

    NewEndpoint toNewEndpoint() {
        return new NewEndpoint(url, description, all(), ChosenEvents.types(eventTypes));
    }
}
