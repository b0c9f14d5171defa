package io.licencedesk.portal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of coupon codes: each client, and each IP address, may try a limited number of
 * codes a minute. Counted in this node's memory (see docs/decisions/0021), so several nodes each allow
 * the limit; with 36^8 codes that still leaves guessing hopeless.
 */
@Component
class RedemptionLimits {

    /** Enough addresses and clients for a busy minute; the least recently used are forgotten first. */
    private static final int MAX_TRACKED = 50_000;

    private final int perClient;
    private final int perAddress;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    RedemptionLimits(
            @Value("${licencedesk.redeem.per-client-per-minute:10}") int perClient,
            @Value("${licencedesk.redeem.per-address-per-minute:30}") int perAddress) {
        this.perClient = perClient;
        this.perAddress = perAddress;
    }

    /**
     * Counts one attempt by this client from this address. Empty when it may go ahead; otherwise the
     * number of seconds to wait before the next attempt.
     */
    OptionalLong attempt(long clientId, String address) {
        ConsumptionProbe client = bucket("client:" + clientId, perClient).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe fromAddress = bucket("address:" + address, perAddress).tryConsumeAndReturnRemaining(1);
        long waitNanos = Math.max(
                client.isConsumed() ? 0 : client.getNanosToWaitForRefill(),
                fromAddress.isConsumed() ? 0 : fromAddress.getNanosToWaitForRefill());
        if (client.isConsumed() && fromAddress.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
    }

    private synchronized Bucket bucket(String key, int perMinute) {
        return buckets.computeIfAbsent(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
    }
}
