package io.licencedesk.accounts;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns Spring Security's sign-in events into the accounts module's, for the audit log (decision 0051). A success is
 * an interactive one (the sign-in page), not each request of the metrics scraper's HTTP Basic; a failure counts
 * through either door. A failure is published only when the e-mail tried is an account's: that account's
 * organisation records it. Nothing here reads or keeps the password tried.
 */
@Component
class SignIns {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignIns(AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(InteractiveAuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            events.publishEvent(new SignedIn(user.caller(), clock.instant()));
        }
    }

    @EventListener
    @Transactional
    void on(AbstractAuthenticationFailureEvent failure) {
        String tried = failure.getAuthentication().getName();
        if (tried == null || tried.isBlank()) {
            return;
        }
        accounts.findUserByEmail(AccountManagement.normaliseEmail(tried)).ifPresent(user -> {
            boolean mayTry = user.enabled() && user.passwordHash() != null;
            Caller account = user.caller();
            events.publishEvent(new SignInFailed(
                    account.organisationId(),
                    account.userId(),
                    account.role(),
                    account.email(),
                    mayTry && failure instanceof AuthenticationFailureBadCredentialsEvent
                            ? SignInFailed.WRONG_PASSWORD
                            : SignInFailed.REFUSED,
                    clock.instant()));
        });
    }
}
