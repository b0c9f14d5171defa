package io.licencedesk.licence;

import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.AttemptLimits.Limit;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of coupon codes: each client, and each IP address, may try a limited number of
 * codes a minute, counted in the database for all nodes together (docs/decisions/0021 and 0030). The portal and
 * the REST API count against the same limits.
 */
@Component
public class RedemptionLimits {

    private final AttemptLimits limits;
    private final Limit perClient;
    private final Limit perAddress;

    RedemptionLimits(
            AttemptLimits limits,
            @Value("${licencedesk.redeem.per-client-per-minute:10}") int perClient,
            @Value("${licencedesk.redeem.per-address-per-minute:120}") int perAddress) {
        this.limits = limits;
        this.perClient = new Limit("redeem-client", perClient, Duration.ofMinutes(1));
        this.perAddress = new Limit("redeem-address", perAddress, Duration.ofMinutes(1));
    }

    /**
     * Counts one attempt by this client from this address. Empty when it may go ahead; otherwise the number
     * of seconds to wait before the next attempt. The client's own limit comes first, and an attempt it
     * refuses does not count against the address: one client's guessing must not use up the allowance of
     * everyone behind the same address (an office's NAT).
     */
    public OptionalLong attempt(long clientId, String address) {
        OptionalLong client = limits.take(perClient, Long.toString(clientId));
        return client.isPresent() ? client : limits.take(perAddress, address);
    }
}
