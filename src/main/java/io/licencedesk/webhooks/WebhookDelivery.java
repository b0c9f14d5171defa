package io.licencedesk.webhooks;

import io.licencedesk.shared.Reason;
import java.time.Instant;

/**
 * One event sent to one endpoint, as its delivery log shows it. The last response is a short excerpt of the
 * receiver's answer to the last attempt, with control characters escaped.
 *
 * @param lastError what went wrong with the last attempt, as stored (English)
 * @param lastErrorReason the same, for a page to word in its reader's language; null when LicenceDesk does not word
 *     it (an exception's own message), and the stored text is shown
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
        Instant deliveredAt,
        Reason lastErrorReason) {

    WebhookDelivery withLastErrorReason(Reason reason) {
        return new WebhookDelivery(
                id,
                eventId,
                eventType,
                status,
                attempts,
                lastResponseCode,
                lastDurationMs,
                lastError,
                lastResponse,
                createdAt,
                lastAttemptAt,
                nextAttemptAt,
                deliveredAt,
                reason);
    }
}
