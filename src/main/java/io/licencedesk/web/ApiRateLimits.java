package io.licencedesk.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many requests a token may make: {@code licencedesk.api.rate-limit} per minute (600 by default), counted in
 * fixed one-minute windows per token, on each node (decision 0042: a request does not wait for the database to
 * count it; with N nodes a token can make up to N times the limit, which still bounds a runaway program).
 */
@Component
class ApiRateLimits {

    private final int perMinute;
    private final Clock clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    ApiRateLimits(@Value("${licencedesk.api.rate-limit:600}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request of the token and says whether it may go on, with what the RateLimit headers tell. */
    Verdict take(long tokenId) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(
                tokenId,
                (id, current) -> current == null || current.minute() != minute
                        ? new Window(minute, 1)
                        : new Window(minute, current.used() + 1));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(entry -> entry.getValue().minute() < minute);
        }
        long resetSeconds = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
        return new Verdict(window.used() <= perMinute, perMinute, Math.max(0, perMinute - window.used()), resetSeconds);
    }

    private record Window(long minute, int used) {}

    record Verdict(boolean allowed, int limit, int remaining, long resetSeconds) {}
}
