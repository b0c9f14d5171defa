package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint as its owner sees it on the console; its signing secret is never part of it. */
@Schema(
        name = "WebhookEndpoint",
        description = "Where an organisation's events are posted, signed with the endpoint's secret.")
public record WebhookEndpointResponse(
        @Schema(example = "7", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(example = "https://example.com/webhooks", requiredMode = Schema.RequiredMode.REQUIRED)
        String url,

        @Schema(description = "A note for people; null when none.", example = "ERP", nullable = true)
        String description,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description =
                                        "The event types it receives, by their names on the wire; [\"*\"] for every"
                                                + " type, those added later too.",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(example = "licence.paused"))
        List<String> eventTypes,

        @Schema(
                description = "Whether events are posted to it; a disabled endpoint is sent nothing.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean enabled,

        @Schema(example = "2026-11-29T18:45:12.345Z", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant createdAt,

        @Schema(
                description = "Until when the secret replaced by the last roll still signs beside the current one"
                        + " (each request then carries two v1 signatures); null when it does not.",
                example = "2026-11-30T18:45:12.345Z",
                nullable = true)
        Instant previousSecretUntil,

        @Schema(
                description = "When the current signing secret was made: when the endpoint was created, or by its"
                        + " last roll. Each roll changes it, and so the endpoint's ETag.",
                example = "2026-11-29T18:45:12.345678Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Instant secretCreatedAt) {}
