package io.licencedesk.licence;

import io.licencedesk.accounts.Client;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** Everything the details page shows about one licence. */
public record LicenceDetails(
        long id,
        CouponCode couponCode,
        String name,
        String note,
        Plan plan,
        String termLabel,
        Money unitPrice,
        int quantity,
        Money amount,
        Client client,
        LifecycleStatus status,
        boolean expiringSoon,
        BillingStatus billingStatus,
        Instant createdAt,
        LocalDate activatedOn,
        LocalDate endsOn,
        Reason deletionRefusal,
        Reason planAndClientLock,
        boolean pausable,
        boolean resumable,
        Renewal renewal,
        Period term) {

    /**
     * Whether its plan costs another price today than its current term does: its next term, priced on the day it
     * renews (decision 0048), would cost the plan's, and the licence page says so (decision 0180).
     */
    public boolean planPriceDiffers() {
        return !plan.unitPrice().equals(unitPrice);
    }

    /** What its unit price is for, the licence's own term: "per year", "par mois" (never "per 1 year"). */
    public String perTerm() {
        return Terms.per(term);
    }

    /**
     * Why its client cannot change now, or null when it can: what keeps the plan and client ({@link
     * #planAndClientLock}), else the screens its client registered, whose device credentials are that client's
     * (decision 0045, as {@code Licence.edit} refuses it). The edit form shows the client as fixed, saying why,
     * instead of offering a change that saving refuses.
     */
    public Reason clientLock(int registeredScreens) {
        if (planAndClientLock != null) {
            return planAndClientLock;
        }
        return client != null && registeredScreens > 0
                ? Reason.of("reason.licence.screensKeepClient", registeredScreens)
                : null;
    }

    /**
     * The current term and its renewal (decision 0048): its number, first day, the day its price was read from the
     * plan (null for the first term), the licence's own auto-renew choice (null: the plan's), whether it renews by
     * itself, why it cannot be renewed by hand now (null: it can), and whether lateness paused it.
     */
    public record Renewal(
            int termNumber,
            LocalDate termStartsOn,
            LocalDate termPricedOn,
            Boolean autoRenewChoice,
            boolean renewsAutomatically,
            Reason refusal,
            boolean pausedForOverdue) {}
}
