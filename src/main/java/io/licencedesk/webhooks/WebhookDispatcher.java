package io.licencedesk.webhooks;

import io.licencedesk.shared.Reason;
import io.licencedesk.webhooks.DeliveryRepository.Attempt;
import io.licencedesk.webhooks.DeliveryRepository.Claimed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, one at a time, each under a lease ({@code licencedesk.webhooks.lease}): a node that dies
 * mid-send leaves the delivery to be sent again once the lease ends, so delivery is at least once. Any 2xx answer
 * delivers it; anything else is retried with exponential back-off, and after {@code max-attempts} it is failed
 * for a person to send again. The address is checked again before each attempt, since DNS may have changed.
 * A node that is shutting down finishes the delivery in hand and claims no other (decision 0059).
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final EndpointAddresses addresses;
    private final WebhookSender sender;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final Duration kept;
    private volatile boolean stopping;

    WebhookDispatcher(
            DeliveryRepository deliveries,
            EndpointRepository endpoints,
            EndpointAddresses addresses,
            WebhookSender sender,
            MessageSource messages,
            Clock clock,
            @Value("${licencedesk.webhooks.lease:PT1M}") Duration lease,
            @Value("${licencedesk.webhooks.retry-delay:PT1M}") Duration retryDelay,
            @Value("${licencedesk.webhooks.max-attempts:10}") int maxAttempts,
            @Value("${licencedesk.webhooks.kept:P30D}") Duration kept) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.lease = lease;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        this.kept = kept;
    }

    @Scheduled(fixedDelayString = "${licencedesk.webhooks.poll-interval:PT2S}")
    void dispatchDue() {
        for (long id : deliveries.due(clock.instant(), BATCH)) {
            if (stopping) {
                return;
            }
            // The lease starts at the claim, not at the batch's start: a batch of slow receivers takes minutes.
            Instant now = clock.instant();
            Optional<Claimed> claimed;
            try {
                claimed = deliveries.claim(id, now, now.plus(lease));
            } catch (IllegalStateException unopened) {
                // Its endpoint's secret does not open with this node's keys (a node given another key, an altered
                // row): the deliveries after it in the batch still go; the claim was not written, so a node with the
                // right key sends this one.
                log.error("Webhook delivery {} not claimed: {}", id, unopened.getMessage());
                continue;
            }
            claimed.ifPresent(this::deliver);
        }
    }

    /** Published as the application begins to close, before the web server drains and the jobs are awaited. */
    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        stopping = true;
    }

    /** The delivery log keeps what ended within {@code licencedesk.webhooks.kept} (30 days). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldDeliveries() {
        deliveries.deleteFinishedBefore(clock.instant().minus(kept));
    }

    private void deliver(Claimed delivery) {
        Attempt attempt = attempt(delivery);
        Instant now = clock.instant();
        if (attempt.error() == null) {
            deliveries.finish(delivery, WebhookDeliveryStatus.DELIVERED, attempt, now, now);
        } else if (delivery.attempt() >= maxAttempts) {
            log.warn(
                    "Giving up on webhook delivery {} after {} attempts (host {}): {}",
                    delivery.id(),
                    delivery.attempt(),
                    hostOf(delivery.url()),
                    attempt.error());
            deliveries.finish(delivery, WebhookDeliveryStatus.FAILED, attempt, now, now);
        } else {
            Duration wait = retryDelay.multipliedBy(1L << Math.min(delivery.attempt() - 1, 10));
            log.info(
                    "Webhook delivery {} failed (attempt {}, host {}), retrying in {}: {}",
                    delivery.id(),
                    delivery.attempt(),
                    hostOf(delivery.url()),
                    wait,
                    attempt.error());
            deliveries.finish(delivery, WebhookDeliveryStatus.PENDING, attempt, now.plus(wait), now);
        }
    }

    /**
     * The receiver's host and port, for the log: "ConnectException" alone did not say which of many endpoints failed
     * (decision 0163). Never the address's path, query or user part, where a receiver may keep a token of its own.
     */
    static String hostOf(String url) {
        try {
            URI address = URI.create(url.strip());
            if (address.getHost() == null) {
                return "(not readable)";
            }
            int port =
                    address.getPort() > 0 ? address.getPort() : "http".equalsIgnoreCase(address.getScheme()) ? 80 : 443;
            return address.getHost() + ":" + port;
        } catch (IllegalArgumentException unreadable) {
            return "(not readable)";
        }
    }

    private Attempt attempt(Claimed delivery) {
        Optional<Reason> refused =
                addresses.refusal(delivery.url(), endpoints.allowsPrivateAddresses(delivery.organisationId()));
        if (refused.isPresent()) {
            return new Attempt(null, null, messages.getMessage(refused.get(), Locale.ENGLISH), null);
        }
        Instant now = clock.instant();
        return sender.post(
                URI.create(delivery.url().strip()),
                delivery.eventId(),
                Signatures.header(delivery.signingSecrets(now), now.getEpochSecond(), delivery.payload()),
                delivery.payload());
    }
}
