package io.licencedesk.webhooks;

import java.time.Instant;

/**
 * One event sent to one endpoint, as its delivery log shows it. The last response is a short excerpt of the
 * receiver's answer to the last attempt, with control characters escaped.
 */
public record WebhookDelivery(
        long id,
        String eventId,
        String eventType,
        WebhookDeliveryStatus status,
        int attempts,
        Integer lastResponseCode,
        Long lastDurationMs,
        String lastError,
        String lastResponse,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt) {}
