package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInLimitsTests {

    @Test
    void refusesAnAccountAfterItsFailuresUntilTheWindowRefillsOne() {
        SignInLimits limits = new SignInLimits(3, 15, 100);
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.1")).isEmpty();
            limits.failed("ann@example.test");
        }

        var refused = limits.attempt(" Ann@Example.TEST ", "10.0.0.9");

        assertThat(refused)
                .as("the same account, typed otherwise, from another address")
                .isPresent();
        assertThat(refused.getAsLong()).as("15 minutes / 3 failures").isBetween(1L, 300L);
        assertThat(limits.attempt("bob@example.test", "10.0.0.1"))
                .as("another account")
                .isEmpty();
    }

    @Test
    void countsOnlyFailuresAgainstAnAccount() {
        SignInLimits limits = new SignInLimits(3, 15, 100);

        for (int signIn = 1; signIn <= 10; signIn++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.1")).isEmpty();
        }
    }

    @Test
    void limitsEverySignInFromAnAddress() {
        SignInLimits limits = new SignInLimits(10, 15, 30);
        for (int signIn = 1; signIn <= 30; signIn++) {
            assertThat(limits.attempt("user" + signIn + "@example.test", "10.0.0.2"))
                    .isEmpty();
        }

        var refused = limits.attempt("another@example.test", "10.0.0.2");

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        assertThat(limits.attempt("another@example.test", "10.0.0.3"))
                .as("another address")
                .isEmpty();
    }
}
