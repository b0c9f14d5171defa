package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One event sent to one endpoint, as the endpoint's delivery log on the console shows it. */
@Schema(name = "WebhookDelivery", description = "One event posted to one endpoint, and how its attempts went.")
public record WebhookDeliveryResponse(
        @Schema(example = "41", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(
                description = "The event's id, the same in every delivery of the event (its body's `id`).",
                example = "evt_2Yb7x",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String eventId,

        @Schema(example = "licence.paused", requiredMode = Schema.RequiredMode.REQUIRED)
        String eventType,

        @Schema(
                description = "pending (first try or a retry to come), sending, delivered (answered 2xx) or failed"
                        + " (given up after its attempts).",
                allowableValues = {"pending", "sending", "delivered", "failed"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        int attempts,

        @Schema(description = "The HTTP status of the last answer; null when none came.", nullable = true)
        Integer lastResponseCode,

        @Schema(description = "How long the last attempt took, in milliseconds.", nullable = true)
        Long lastDurationMs,

        @Schema(
                description = "What went wrong with the last attempt, in English; null when nothing did.",
                nullable = true)
        String lastError,

        @Schema(description = "The start of the receiver's last answer, control characters escaped.", nullable = true)
        String lastResponse,

        @Schema(example = "2026-11-29T18:45:12.345Z", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant createdAt,

        @Schema(nullable = true) Instant lastAttemptAt,

        @Schema(description = "When it is tried next; null once it is over.", nullable = true)
        Instant nextAttemptAt,

        @Schema(nullable = true) Instant deliveredAt) {}
