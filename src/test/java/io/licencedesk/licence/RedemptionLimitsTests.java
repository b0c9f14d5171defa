package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.TestDatabase;
import org.junit.jupiter.api.Test;

class RedemptionLimitsTests {

    final AttemptLimits limits = new AttemptLimits(TestDatabase.h2(), new MovableClock());

    @Test
    void allowsTheLimitPerClientThenSaysHowLongToWait() {
        RedemptionLimits redemptions = new RedemptionLimits(limits, 10, 100);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(redemptions.attempt(1, "10.0.0.1")).isEmpty();
        }

        var refused = redemptions.attempt(1, "10.0.0.1");

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        assertThat(redemptions.attempt(2, "10.0.0.1")).as("another client").isEmpty();
    }

    @Test
    void limitsAnAddressAcrossClients() {
        RedemptionLimits redemptions = new RedemptionLimits(limits, 10, 30);
        for (int client = 1; client <= 30; client++) {
            assertThat(redemptions.attempt(client, "10.0.0.2")).isEmpty();
        }

        assertThat(redemptions.attempt(31, "10.0.0.2")).isPresent();
        assertThat(redemptions.attempt(31, "10.0.0.3")).as("another address").isEmpty();
    }

    @Test
    void attemptsRefusedByTheClientsOwnLimitDoNotUseUpTheAddress() {
        RedemptionLimits redemptions = new RedemptionLimits(limits, 10, 30);
        for (int attempt = 1; attempt <= 40; attempt++) {
            redemptions.attempt(1, "10.0.0.4");
        }

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(redemptions.attempt(2, "10.0.0.4"))
                    .as("another client behind the same address, attempt " + attempt)
                    .isEmpty();
        }
    }
}
