package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.TestDatabase;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInLimitsTests {

    final JdbcClient jdbc = TestDatabase.h2();
    final MovableClock clock = new MovableClock();
    final SignInDevices devices = new SignInDevices(jdbc, clock, 10);

    SignInLimits limits(int failuresBeforeWait, int failuresPerAccountPerHour, int failuresPerAddressPerMinute) {
        return new SignInLimits(
                new AttemptLimits(jdbc, clock),
                new FailureStreaks(jdbc),
                devices,
                clock,
                failuresBeforeWait,
                Duration.ofSeconds(5),
                Duration.ofMinutes(15),
                failuresPerAccountPerHour,
                failuresPerAddressPerMinute);
    }

    @Test
    void holdsBackAGuesserAtOneAddressWithAWaitThatDoublesUpToTheLongest() {
        SignInLimits limits = limits(10, 1000, 1000);
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.7", null).waitSeconds())
                    .isEmpty();
            limits.failed("ann@example.test", "10.0.0.7");
        }

        assertThat(limits.attempt(" Ann@Example.TEST ", "10.0.0.7", null).waitSeconds())
                .as("the same account typed otherwise, from the same address")
                .hasValue(5);
        assertThat(limits.attempt("ann@example.test", "10.0.0.8", null).waitSeconds())
                .as("the same account from another address")
                .isEmpty();
        assertThat(limits.attempt("bob@example.test", "10.0.0.7", null).waitSeconds())
                .as("another account from the same address")
                .isEmpty();
        for (long wait : new long[] {5, 10, 20, 40, 80, 160, 320, 640, 900, 900}) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.7", null).waitSeconds())
                    .hasValue(wait);
            clock.advance(Duration.ofSeconds(wait));
            assertThat(limits.attempt("ann@example.test", "10.0.0.7", null).waitSeconds())
                    .isEmpty();
            limits.failed("ann@example.test", "10.0.0.7");
        }
    }

    @Test
    void forgetsAStreakOfFailuresADayAfterTheLast() {
        SignInLimits limits = limits(2, 1000, 1000);
        limits.failed("ann@example.test", "10.0.0.7");
        limits.failed("ann@example.test", "10.0.0.7");
        assertThat(limits.attempt("ann@example.test", "10.0.0.7", null).refused())
                .isTrue();

        clock.advance(Duration.ofDays(1));
        limits.failed("ann@example.test", "10.0.0.7");

        assertThat(limits.attempt("ann@example.test", "10.0.0.7", null).refused())
                .as("one failure in the new streak")
                .isFalse();
    }

    @Test
    void refusesAnAccountPastItsCeilingFromEveryAddressButATrustedDevice() {
        SignInLimits limits = limits(10, 3, 100);
        String device = signIn("ann@example.test");
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0." + failure, null)
                            .waitSeconds())
                    .isEmpty();
            limits.failed("ann@example.test", "10.0.0." + failure);
        }

        var refused = limits.attempt(" Ann@Example.TEST ", "10.0.0.9", null).waitSeconds();

        assertThat(refused)
                .as("the same account, typed otherwise, from another address")
                .isPresent();
        assertThat(refused.getAsLong()).as("an hour / 3 failures").isBetween(1L, 1200L);
        assertThat(limits.attempt("bob@example.test", "10.0.0.1", null).waitSeconds())
                .as("another account")
                .isEmpty();
        assertThat(limits.attempt("ann@example.test", "10.0.0.9", device).refused())
                .as("ann's own browser")
                .isFalse();
    }

    @Test
    void countsOnlyFailures() {
        SignInLimits limits = limits(3, 3, 3);

        for (int signIn = 1; signIn <= 10; signIn++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.1", null).waitSeconds())
                    .isEmpty();
        }
    }

    @Test
    void limitsFailuresFromAnAddressAcrossAccounts() {
        SignInLimits limits = limits(10, 100, 30);
        for (int failure = 1; failure <= 30; failure++) {
            String email = "user" + failure + "@example.test";
            assertThat(limits.attempt(email, "10.0.0.2", null).waitSeconds()).isEmpty();
            limits.failed(email, "10.0.0.2");
        }

        var refused = limits.attempt("another@example.test", "10.0.0.2", null).waitSeconds();

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        assertThat(limits.attempt("another@example.test", "10.0.0.3", null).waitSeconds())
                .as("another address")
                .isEmpty();
    }

    @Test
    void countsAFailureEventAgainstItsEmailAndTheAddressInItsDetails() {
        SignInLimits limits = limits(1, 1, 1);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("ann@example.test", "wrong");
        attempt.setDetails(new WebAuthenticationDetails("10.0.0.4", null));

        limits.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("wrong")));

        assertThat(limits.attempt("ann@example.test", "10.0.0.5", null).waitSeconds())
                .as("the e-mail")
                .isPresent();
        assertThat(limits.attempt("bob@example.test", "10.0.0.4", null).waitSeconds())
                .as("the address")
                .isPresent();
        assertThat(limits.attempt("bob@example.test", "10.0.0.5", null).waitSeconds())
                .isEmpty();
    }

    @Test
    void letsATrustedDeviceInWhateverOthersFailedUntilItFailsTenTimesItself() {
        SignInLimits limits = limits(1, 1, 1);
        String device = signIn("ann@example.test");
        limits.failed("ann@example.test", "10.0.0.7");
        limits.failed("bob@example.test", "10.0.0.7");

        var trusted = limits.attempt("ann@example.test", "10.0.0.7", device);

        assertThat(trusted.refused()).isFalse();
        assertThat(trusted.trustedDevice()).isEqualTo(AttemptLimits.sha256(device));
        assertThat(limits.attempt("bob@example.test", "10.0.0.8", device).trustedDevice())
                .as("the device is known for ann's account only")
                .isNull();
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(limits.attempt("ann@example.test", "10.0.0.7", device).refused())
                    .isFalse();
            failFrom(limits, trusted.trustedDevice());
        }
        assertThat(limits.attempt("ann@example.test", "10.0.0.7", device).refused())
                .as("trusted no more, it waits like everyone at its address")
                .isTrue();
    }

    @Test
    void countsAFailureFromATrustedDeviceAgainstThatDeviceOnly() {
        SignInLimits limits = limits(1, 1, 1);
        String device = signIn("ann@example.test");
        String hash = limits.attempt("ann@example.test", "10.0.0.7", device).trustedDevice();

        failFrom(limits, hash);

        assertThat(limits.attempt("ann@example.test", "10.0.0.8", null).refused())
                .as("the account")
                .isFalse();
        assertThat(limits.attempt("bob@example.test", "10.0.0.7", null).refused())
                .as("the address")
                .isFalse();
        assertThat(limits.attempt("ann@example.test", "10.0.0.7", null).refused())
                .as("the e-mail and address")
                .isFalse();
    }

    /** Signs in through the form from a browser without a device cookie: the cookie it is given. */
    private String signIn(String account) {
        var response = new MockHttpServletResponse();
        devices.signedIn(new MockHttpServletRequest("POST", "/login"), response, account, null);
        Cookie cookie = response.getCookie(SignInDevices.COOKIE);
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }

    private static void failFrom(SignInLimits limits, String trustedDevice) {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr("10.0.0.7");
        request.setAttribute(SignInLimits.TRUSTED_DEVICE, trustedDevice);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("ann@example.test", "wrong");
        attempt.setDetails(new SignInDetails(request));
        limits.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("wrong")));
    }
}
