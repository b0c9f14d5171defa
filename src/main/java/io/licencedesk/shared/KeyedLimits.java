package io.licencedesk.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A number of attempts per key (a client, an address, an e-mail) in a window, refilled evenly, counted
 * in this node's memory (docs/decisions/0021): several nodes each allow the limit. The least recently
 * used keys are forgotten past a bound, so a flood of new keys cannot exhaust the memory.
 */
public final class KeyedLimits {

    /** Enough keys for a busy window; the least recently used are forgotten first. */
    private static final int MAX_TRACKED = 50_000;

    private final int attempts;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public KeyedLimits(int attempts, Duration window) {
        if (attempts < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A limit needs at least one attempt in a positive window");
        }
        this.attempts = attempts;
        this.window = window;
    }

    /** Counts one attempt for this key: empty when it may go ahead, otherwise the seconds to wait. */
    public OptionalLong take(String key) {
        return secondsToWait(bucket(key).tryConsumeAndReturnRemaining(1));
    }

    /** The seconds to wait before this key has an attempt left (empty when it has one), counting none. */
    public OptionalLong waitFor(String key) {
        return secondsToWait(bucket(key).estimateAbilityToConsume(1));
    }

    private static OptionalLong secondsToWait(ConsumptionProbe probe) {
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    private static OptionalLong secondsToWait(EstimationProbe probe) {
        return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Whole seconds, rounded up: waiting the number said is always enough. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }

    private synchronized Bucket bucket(String key) {
        return buckets.computeIfAbsent(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(attempts)
                                .refillGreedy(attempts, window)
                                .build())
                        .build());
    }
}
