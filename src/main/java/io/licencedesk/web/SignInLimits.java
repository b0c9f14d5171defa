package io.licencedesk.web;

import io.licencedesk.shared.KeyedLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (docs/decisions/0027): failed sign-ins are counted per e-mail address
 * typed, whether or not an account has it (so the answer does not tell which addresses exist), and every
 * sign-in per remote address. Past either limit, the password is not even checked.
 */
@Component
class SignInLimits {

    private final KeyedLimits failuresPerAccount;
    private final KeyedLimits perAddress;

    SignInLimits(
            @Value("${licencedesk.sign-in.failures-per-account:10}") int failuresPerAccount,
            @Value("${licencedesk.sign-in.failure-window-minutes:15}") int failureWindowMinutes,
            @Value("${licencedesk.sign-in.per-address-per-minute:30}") int perAddress) {
        this.failuresPerAccount = new KeyedLimits(failuresPerAccount, Duration.ofMinutes(failureWindowMinutes));
        this.perAddress = new KeyedLimits(perAddress, Duration.ofMinutes(1));
    }

    /**
     * Counts a sign-in from this address with this e-mail. Empty when the password may be checked;
     * otherwise the seconds to wait before the next attempt.
     */
    OptionalLong attempt(String email, String address) {
        OptionalLong account = failuresPerAccount.waitFor(account(email));
        OptionalLong fromAddress = perAddress.take(address);
        if (account.isEmpty() && fromAddress.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(account.orElse(0), fromAddress.orElse(0)));
    }

    /**
     * Counts a failed sign-in (a wrong password, an unknown address, a disabled account) against the e-mail
     * typed, through the sign-in form or HTTP Basic alike: Spring Security publishes the event for both.
     */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent failure) {
        failed(failure.getAuthentication().getName());
    }

    void failed(String email) {
        failuresPerAccount.take(account(email));
    }

    private static String account(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
