package io.licencedesk.portal;

import io.licencedesk.shared.KeyedLimits;
import java.time.Duration;
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

    private final KeyedLimits perClient;
    private final KeyedLimits perAddress;

    RedemptionLimits(
            @Value("${licencedesk.redeem.per-client-per-minute:10}") int perClient,
            @Value("${licencedesk.redeem.per-address-per-minute:30}") int perAddress) {
        this.perClient = new KeyedLimits(perClient, Duration.ofMinutes(1));
        this.perAddress = new KeyedLimits(perAddress, Duration.ofMinutes(1));
    }

    /**
     * Counts one attempt by this client from this address (against both limits, even when one refuses).
     * Empty when it may go ahead; otherwise the number of seconds to wait before the next attempt.
     */
    OptionalLong attempt(long clientId, String address) {
        OptionalLong client = perClient.take(Long.toString(clientId));
        OptionalLong fromAddress = perAddress.take(address);
        if (client.isEmpty() && fromAddress.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(client.orElse(0), fromAddress.orElse(0)));
    }
}
