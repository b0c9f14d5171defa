package io.licencedesk.api;

import io.licencedesk.shared.PlainText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.validation.BindingResult;

/** What PATCH /api/v1/webhook-endpoints/{id} takes: only the fields sent change. */
@Schema(name = "WebhookEndpointChange")
record WebhookEndpointChangeRequest(
        @Schema(
                description = "A note for people, up to 200 characters; an empty one removes it.",
                example = "ERP",
                maxLength = 200)
        @PlainText
        String description,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "The event types to receive from now on, by their names on the wire;"
                                        + " [\"*\"] for every type, those added later too."),
                schema = @Schema(example = "licence.paused"))
        List<String> eventTypes,

        @Schema(description = "false stops posting events to it (nothing is queued for it meanwhile); true again.")
        Boolean enabled) {

    void check(BindingResult refused, WebhookEndpointOperations webhooks) {
        checkEventTypes(refused, eventTypes, webhooks);
    }

    /** Names the event types sent that no endpoint can receive, as the 422 of the field. */
    static void checkEventTypes(BindingResult refused, List<String> eventTypes, WebhookEndpointOperations webhooks) {
        if (eventTypes == null) {
            return;
        }
        List<String> unknown = webhooks.unknownEventTypes(eventTypes);
        if (!unknown.isEmpty()) {
            FieldRefusals.refuse(
                    refused,
                    "eventTypes",
                    "No event type is called " + String.join(", ", unknown)
                            + ": see the webhooks guide for their names, or send [\"*\"] for all of them.");
        }
    }
}
