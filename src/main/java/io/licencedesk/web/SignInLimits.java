package io.licencedesk.web;

import io.licencedesk.shared.KeyedLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (docs/decisions/0027): failed sign-ins are counted per e-mail address
 * typed, whether or not an account has it (so the answer does not tell which addresses exist), and per
 * remote address. Past either limit, the password is not even checked. Successful sign-ins count nothing,
 * so many people behind one address (an office, a test suite) sign in freely.
 */
@Component
class SignInLimits {

    private final KeyedLimits failuresPerAccount;
    private final KeyedLimits failuresPerAddress;

    SignInLimits(
            @Value("${licencedesk.sign-in.failures-per-account:10}") int failuresPerAccount,
            @Value("${licencedesk.sign-in.failure-window-minutes:15}") int failureWindowMinutes,
            @Value("${licencedesk.sign-in.failures-per-address-per-minute:30}") int failuresPerAddress) {
        this.failuresPerAccount = new KeyedLimits(failuresPerAccount, Duration.ofMinutes(failureWindowMinutes));
        this.failuresPerAddress = new KeyedLimits(failuresPerAddress, Duration.ofMinutes(1));
    }

    /**
     * Whether a sign-in from this address with this e-mail may have its password checked: empty when it
     * may, otherwise the seconds to wait before the next attempt.
     */
    OptionalLong attempt(String email, String address) {
        OptionalLong account = failuresPerAccount.waitFor(account(email));
        OptionalLong fromAddress = failuresPerAddress.waitFor(address);
        if (account.isEmpty() && fromAddress.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(account.orElse(0), fromAddress.orElse(0)));
    }

    /**
     * Counts a failed sign-in (a wrong password, an unknown address, a disabled account) against the e-mail
     * typed and the remote address, through the sign-in form or HTTP Basic alike: Spring Security publishes
     * the event for both, with the address in the details.
     */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent failure) {
        Authentication attempt = failure.getAuthentication();
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        failed(attempt.getName(), address);
    }

    void failed(String email, String address) {
        failuresPerAccount.take(account(email));
        if (address != null) {
            failuresPerAddress.take(address);
        }
    }

    private static String account(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
