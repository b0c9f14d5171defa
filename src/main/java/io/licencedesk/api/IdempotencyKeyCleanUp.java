package io.licencedesk.api;

import io.licencedesk.shared.AttemptLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Idempotency keys are kept a day (Stripe's "at least 24 hours"), then forgotten and free to use again. */
@Component
class IdempotencyKeyCleanUp {

    private final IdempotencyKeys keys;
    private final AttemptLimits limits;
    private final Clock clock;
    private final Duration keptFor;
    private final Duration interval;

    IdempotencyKeyCleanUp(
            IdempotencyKeys keys,
            AttemptLimits limits,
            Clock clock,
            @Value("${licencedesk.api.idempotency.kept-for:PT24H}") Duration keptFor,
            @Value("${licencedesk.api.idempotency.clean-up:PT15M}") Duration interval) {
        this.keys = keys;
        this.limits = limits;
        this.clock = clock;
        this.keptFor = keptFor;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${licencedesk.api.idempotency.clean-up:PT15M}", initialDelayString = "PT1M")
    void cleanUp() {
        if (limits.once("idempotency_key", interval)) {
            forgetOld();
        }
    }

    /** Forgets the keys made longer ago than they are kept: how many. */
    int forgetOld() {
        return keys.forgetCreatedBefore(clock.instant().minus(keptFor));
    }
}
