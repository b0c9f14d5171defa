package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A webhook endpoint just created, or whose secret was just rolled, with its signing secret: the one answer that
 * carries it, as the console shows it once.
 */
@Schema(
        name = "WebhookEndpointWithSecret",
        description = "The endpoint and its new signing secret, which no other answer carries: keep it now.")
public record CreatedWebhookEndpointResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED) WebhookEndpointResponse endpoint,

        @Schema(
                description = "The secret the receiver checks signatures with: see the webhooks guide.",
                example = "whsec_4q0cZ3l7ZxV2kq5m9yJ8uH1n",
                requiredMode = RequiredMode.REQUIRED)
        String signingSecret) {

    @Override
    public String toString() {
        return "CreatedWebhookEndpointResponse[endpoint=" + endpoint + ", signingSecret=<hidden>]";
    }
}
