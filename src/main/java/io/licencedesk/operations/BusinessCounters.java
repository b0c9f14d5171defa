package io.licencedesk.operations;

import io.licencedesk.invoicing.InvoiceIssued;
import io.licencedesk.licence.CouponCodeRefused;
import io.licencedesk.mail.EmailFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counters of what happened on this node, from the modules' events: Prometheus adds the nodes up and computes rates.
 * Each counter is a plain in-memory increment (no write), so a flood of refused coupons or failed sign-ins costs
 * nothing more here.
 */
@Component
class BusinessCounters {

    private final Counter invoicesIssued;
    private final Counter couponCodesRefused;
    private final Counter signInFailuresBadCredentials;
    private final Counter signInFailuresRefused;
    private final Counter emailsFailedRetrying;
    private final Counter emailsFailedGivenUp;

    BusinessCounters(MeterRegistry registry) {
        invoicesIssued = Counter.builder("licencedesk.invoices.issued")
                .description("Invoices issued (committed), by hand or by the renewal cycle")
                .register(registry);
        couponCodesRefused = Counter.builder("licencedesk.coupon.codes.refused")
                .description("Coupon codes a client typed that could not be redeemed")
                .register(registry);
        signInFailuresBadCredentials = signInFailures(registry, "bad_credentials");
        signInFailuresRefused = signInFailures(registry, "refused");
        emailsFailedRetrying = emailsFailed(registry, "retrying");
        emailsFailedGivenUp = emailsFailed(registry, "given_up");
    }

    private static Counter signInFailures(MeterRegistry registry, String cause) {
        return Counter.builder("licencedesk.sign.in.failures")
                .description("Failed sign-ins (form or HTTP Basic), whatever e-mail was tried")
                .tag("cause", cause)
                .register(registry);
    }

    private static Counter emailsFailed(MeterRegistry registry, String outcome) {
        return Counter.builder("licencedesk.emails.failed")
                .description("Failed attempts to hand an e-mail to the SMTP server: retried later, or given up on")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Counted once the invoice is committed: an issue that rolls back is no invoice. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(InvoiceIssued issued) {
        invoicesIssued.increment();
    }

    @EventListener
    void on(CouponCodeRefused refused) {
        couponCodesRefused.increment();
    }

    /**
     * Spring Security's failure event rather than the accounts module's {@code SignInFailed}: that one is published
     * only for an e-mail of an account (for the audit log), and guessing at unknown e-mails is what an operator
     * wants to see too.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        (failure instanceof AuthenticationFailureBadCredentialsEvent
                        ? signInFailuresBadCredentials
                        : signInFailuresRefused)
                .increment();
    }

    @EventListener
    void on(EmailFailed failed) {
        (failed.givenUp() ? emailsFailedGivenUp : emailsFailedRetrying).increment();
    }
}
