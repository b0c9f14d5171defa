package io.licencedesk.web;

import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.AttemptLimits.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock a user out (docs/decisions/0030). A sign-in
 * from a trusted device (a browser that signed in to this account before) counts only against that device.
 * Any other sign-in is held back by the failures of its own e-mail and address (a wait that doubles after
 * the first few), by those of its e-mail from everywhere (a high ceiling against guessing from many
 * addresses) and by those of its address for any e-mail. Failures are counted whether or not an account has
 * the e-mail, so the answer does not tell which addresses exist; successful sign-ins count nothing. All of it
 * lives in the database, so every node counts the same.
 */
@Component
class SignInLimits {

    /** The request attribute where the limit filter leaves the trusted device of a sign-in. */
    static final String TRUSTED_DEVICE = SignInLimits.class.getName() + ".trustedDevice";

    /** The answer before a password is checked: how long to wait (0: go ahead), and the trusted device if any. */
    record Verdict(long secondsToWait, String trustedDevice) {

        boolean refused() {
            return secondsToWait > 0;
        }

        OptionalLong waitSeconds() {
            return refused() ? OptionalLong.of(secondsToWait) : OptionalLong.empty();
        }
    }

    private final AttemptLimits limits;
    private final FailureStreaks streaks;
    private final SignInDevices devices;
    private final Clock clock;
    private final int failuresBeforeWait;
    private final Duration firstWait;
    private final Duration longestWait;
    private final Limit perAccount;
    private final Limit perAddress;

    SignInLimits(
            AttemptLimits limits,
            FailureStreaks streaks,
            SignInDevices devices,
            Clock clock,
            @Value("${licencedesk.sign-in.failures-before-wait:10}") int failuresBeforeWait,
            @Value("${licencedesk.sign-in.first-wait:PT5S}") Duration firstWait,
            @Value("${licencedesk.sign-in.longest-wait:PT15M}") Duration longestWait,
            @Value("${licencedesk.sign-in.failures-per-account-per-hour:100}") int failuresPerAccountPerHour,
            @Value("${licencedesk.sign-in.failures-per-address-per-minute:30}") int failuresPerAddressPerMinute) {
        this.limits = limits;
        this.streaks = streaks;
        this.devices = devices;
        this.clock = clock;
        this.failuresBeforeWait = failuresBeforeWait;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.perAccount = new Limit("sign-in-account", failuresPerAccountPerHour, Duration.ofHours(1));
        this.perAddress = new Limit("sign-in-address", failuresPerAddressPerMinute, Duration.ofMinutes(1));
    }

    /**
     * Whether a sign-in with this e-mail, from this address, showing this device cookie (or null), may have its
     * password checked.
     */
    Verdict attempt(String email, String address, String deviceCookie) {
        String account = account(email);
        var device = devices.trusted(deviceCookie, account);
        if (device.isPresent()) {
            return new Verdict(0, device.get());
        }
        long wait = Math.max(
                streakWait(account, address),
                Math.max(
                        limits.waitFor(perAccount, account).orElse(0),
                        address == null
                                ? 0
                                : limits.waitFor(perAddress, address).orElse(0)));
        return new Verdict(wait, null);
    }

    /**
     * Counts a failed sign-in (a wrong password, an unknown address, a disabled account), through the sign-in
     * form or HTTP Basic alike: Spring Security publishes the event for both, with the address (and, from the
     * form, the trusted device) in the details.
     */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent failure) {
        Authentication attempt = failure.getAuthentication();
        if (attempt.getDetails() instanceof SignInDetails details && details.trustedDevice() != null) {
            devices.failed(details.trustedDevice());
            return;
        }
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        failed(attempt.getName(), address);
    }

    /** Counts a failure that came from no trusted device. */
    void failed(String email, String address) {
        String account = account(email);
        streaks.failed(streakKey(account, address), clock.instant());
        limits.take(perAccount, account);
        if (address != null) {
            limits.take(perAddress, address);
        }
    }

    @Scheduled(fixedDelayString = "${licencedesk.limits.clean-up:PT5M}", initialDelayString = "PT1M")
    void forgetOld() {
        if (limits.once("sign-in", Duration.ofMinutes(5))) {
            streaks.forgetOld(clock.instant());
            devices.forgetUnused(clock.instant());
        }
    }

    /** The wait after a streak of failures: none for the first few, then doubling from the first wait up to the longest. */
    private long streakWait(String account, String address) {
        Instant now = clock.instant();
        return streaks.find(streakKey(account, address), now)
                .filter(streak -> streak.failures() >= failuresBeforeWait)
                .map(streak -> {
                    int doublings = Math.min(streak.failures() - failuresBeforeWait, 20);
                    Duration wait = firstWait.multipliedBy(1L << doublings);
                    Instant until = streak.lastFailedAt().plus(wait.compareTo(longestWait) > 0 ? longestWait : wait);
                    return seconds(Duration.between(now, until));
                })
                .orElse(0L);
    }

    /** Whole seconds, rounded up: waiting the number said is always enough. */
    private static long seconds(Duration wait) {
        return wait.isNegative() || wait.isZero() ? 0 : (wait.toMillis() + 999) / 1000;
    }

    private static String streakKey(String account, String address) {
        return AttemptLimits.sha256(account + "\n" + (address == null ? "" : address));
    }

    static String account(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
