package io.licencedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedemptionLimitsTests {

    @Test
    void allowsTheLimitPerClientThenSaysHowLongToWait() {
        RedemptionLimits limits = new RedemptionLimits(10, 100);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(limits.attempt(1, "10.0.0.1")).isEmpty();
        }

        var refused = limits.attempt(1, "10.0.0.1");

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        assertThat(limits.attempt(2, "10.0.0.1")).as("another client").isEmpty();
    }

    @Test
    void limitsAnAddressAcrossClients() {
        RedemptionLimits limits = new RedemptionLimits(10, 30);
        for (int client = 1; client <= 30; client++) {
            assertThat(limits.attempt(client, "10.0.0.2")).isEmpty();
        }

        assertThat(limits.attempt(31, "10.0.0.2")).isPresent();
        assertThat(limits.attempt(31, "10.0.0.3")).as("another address").isEmpty();
    }
}
