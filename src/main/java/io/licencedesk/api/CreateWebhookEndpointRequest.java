package io.licencedesk.api;

import io.licencedesk.shared.PlainText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.validation.BindingResult;

/**
 * What POST /api/v1/webhook-endpoints takes: the console's form (address, description, events or all of them). The
 * rules (which addresses, how long a description, at least one event) are the webhooks module's, judged there.
 */
@Schema(name = "CreateWebhookEndpoint")
record CreateWebhookEndpointRequest(
        @Schema(
                description = "Where to post: https, or http to a private address when the organisation allows those.",
                example = "https://example.com/webhooks",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String url,

        @Schema(description = "A note for people, up to 200 characters.", example = "ERP", maxLength = 200) @PlainText
        String description,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "The event types to receive, by their names on the wire;"
                                        + " [\"*\"] for every type, those added later too.",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(example = "licence.paused"))
        List<String> eventTypes) {

    /** Refuses a required field left out, and event types no endpoint can receive. */
    void check(BindingResult refused, WebhookEndpointOperations webhooks) {
        if (url == null || url.isBlank()) {
            FieldRefusals.refuse(refused, "url", "Enter a full address such as https://example.com/webhooks.");
        }
        WebhookEndpointChangeRequest.checkEventTypes(refused, eventTypes, webhooks);
    }
}
