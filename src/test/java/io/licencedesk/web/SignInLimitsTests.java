package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInLimitsTests {

    @Test
    void refusesAnAccountAfterItsFailuresUntilTheWindowRefillsOne() {
        SignInLimits limits = new SignInLimits(3, 15, 100);
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0." + failure)).isEmpty();
            limits.failed("ann@example.test", "10.0.0." + failure);
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
    void countsOnlyFailures() {
        SignInLimits limits = new SignInLimits(3, 15, 3);

        for (int signIn = 1; signIn <= 10; signIn++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.1")).isEmpty();
        }
    }

    @Test
    void limitsFailuresFromAnAddressAcrossAccounts() {
        SignInLimits limits = new SignInLimits(10, 15, 30);
        for (int failure = 1; failure <= 30; failure++) {
            String email = "user" + failure + "@example.test";
            assertThat(limits.attempt(email, "10.0.0.2")).isEmpty();
            limits.failed(email, "10.0.0.2");
        }

        var refused = limits.attempt("another@example.test", "10.0.0.2");

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        assertThat(limits.attempt("another@example.test", "10.0.0.3"))
                .as("another address")
                .isEmpty();
    }

    @Test
    void countsAFailureEventAgainstItsEmailAndTheAddressInItsDetails() {
        SignInLimits limits = new SignInLimits(1, 15, 1);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("ann@example.test", "wrong");
        attempt.setDetails(new WebAuthenticationDetails("10.0.0.4", null));

        limits.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("wrong")));

        assertThat(limits.attempt("ann@example.test", "10.0.0.5"))
                .as("the e-mail")
                .isPresent();
        assertThat(limits.attempt("bob@example.test", "10.0.0.4"))
                .as("the address")
                .isPresent();
        assertThat(limits.attempt("bob@example.test", "10.0.0.5")).isEmpty();
    }
}
