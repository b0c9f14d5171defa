package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.LocalDate;
import java.time.Period;

/**
 * What the client portal shows about one of the client's licences; whether it renews by itself follows the licence's
 * own choice, else its plan's (a paused licence does not renew: its status says so). Its price is the price of one term
 * (unit price times screens), as the next invoice would charge it before VAT. Its latest term is {@code termNumber},
 * from {@code termStartsOn} (null until activated) to {@code endsOn}, both included: after a renewal booked ahead it
 * has not begun yet.
 */
public record ClientLicence(
        long id,
        CouponCode couponCode,
        String name,
        String planName,
        String termLabel,
        int quantity,
        Money unitPrice,
        Money price,
        LifecycleStatus status,
        BillingStatus billingStatus,
        boolean expiringSoon,
        LocalDate activatedOn,
        LocalDate endsOn,
        boolean renewsAutomatically,
        Period term,
        boolean pausedForOverdue,
        int termNumber,
        LocalDate termStartsOn) {

    /** What its price is for: "per year", "par mois" (never "per 1 year"). */
    public String perTerm() {
        return Terms.per(term);
    }

    /** Only an assigned licence waits for its client to start it. */
    public boolean activatable() {
        return status == LifecycleStatus.ASSIGNED;
    }

    /** Screens can be registered until the licence has expired. */
    public boolean acceptsScreens() {
        return status != LifecycleStatus.EXPIRED;
    }
}
