package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;

/**
 * What a licence's lifecycle rules read and its transitions change: its client, whether it is paused, its
 * current term's dates and its billing. Status, expiring soon, can pause, can resume and why it cannot be
 * deleted are decided here once, for the {@link Licence} and for the main list, which reads these columns
 * without loading licences.
 */
record LicenceState(
        Long clientId,
        boolean paused,
        LocalDate activatedOn,
        LocalDate endsOn,
        BillingStatus billingStatus,
        boolean everInvoiced) {

    /** The state of the licence row the result set is on (the licence table's own column names). */
    static LicenceState read(ResultSet rs) throws SQLException {
        // As LocalDate directly: getDate goes through a Calendar, a tenth of the CSV export's time at a million rows.
        return new LicenceState(
                rs.getObject("client_id", Long.class),
                rs.getBoolean("paused"),
                rs.getObject("activated_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                BillingStatus.valueOf(rs.getString("billing_status")),
                rs.getBoolean("ever_invoiced"));
    }

    /** A licence nobody has used or invoiced yet, for this client or for none (Available). */
    static LicenceState unused(Long clientId) {
        return new LicenceState(clientId, false, null, null, BillingStatus.UNBILLED, false);
    }

    /**
     * The one rule for a licence's lifecycle status (LicenceQueries mirrors it in SQL). Expired wins
     * over Paused: once the end date has passed the licence is expired, paused or not.
     */
    static LifecycleStatus statusOf(
            Long clientId, boolean paused, LocalDate activatedOn, LocalDate endsOn, LocalDate today) {
        if (endsOn != null && endsOn.isBefore(today)) {
            return LifecycleStatus.EXPIRED;
        }
        if (paused) {
            return LifecycleStatus.PAUSED;
        }
        if (activatedOn != null) {
            return LifecycleStatus.ACTIVE;
        }
        return clientId == null ? LifecycleStatus.AVAILABLE : LifecycleStatus.ASSIGNED;
    }

    LifecycleStatus status(LocalDate today) {
        return statusOf(clientId, paused, activatedOn, endsOn, today);
    }

    /** Active, with an end date within the organisation's warning window (mirrored in LicenceQueries). */
    boolean expiringSoon(LocalDate today, int windowDays) {
        return status(today) == LifecycleStatus.ACTIVE
                && ExpiringSoonWindow.of(today, windowDays).includes(endsOn);
    }

    /** The client has used it: redeemed, activated, or had a screen take a seat (so it has an activation date). */
    boolean usedByClient() {
        return activatedOn != null;
    }

    boolean canPause(LocalDate today) {
        LifecycleStatus status = status(today);
        return status != LifecycleStatus.PAUSED && status != LifecycleStatus.EXPIRED;
    }

    boolean canResume(LocalDate today) {
        return status(today) == LifecycleStatus.PAUSED;
    }

    /** Why the licence cannot be deleted, for the person who tried, or null when it can be. */
    Reason deletionRefusal(LocalDate today) {
        if (usedByClient()) {
            // Only an active licence can still be stopped; a paused or expired one already is.
            return canPause(today)
                    ? Reason.of("reason.licence.usedSoNotDeletableButPausable")
                    : Reason.of("reason.licence.usedSoNotDeletable");
        }
        // A voided invoice stays, and names the licence: ever invoiced counts, not only the current term.
        if (billingStatus != BillingStatus.UNBILLED || everInvoiced) {
            return Reason.of("reason.licence.invoicedSoNotDeletable");
        }
        return null;
    }

    /** Only a licence with a client can be invoiced: there is nobody to bill otherwise. */
    boolean billable() {
        return clientId != null;
    }

    LicenceState pause(LocalDate today) {
        if (!canPause(today)) {
            throw new IllegalStatusChangeException("reason.licence.cannotPause", status(today));
        }
        return new LicenceState(clientId, true, activatedOn, endsOn, billingStatus, everInvoiced);
    }

    LicenceState resume(LocalDate today) {
        if (!canResume(today)) {
            throw new IllegalStatusChangeException("reason.licence.cannotResume", status(today));
        }
        return new LicenceState(clientId, false, activatedOn, endsOn, billingStatus, everInvoiced);
    }

    /** The client starts using an assigned licence: its first term begins today. */
    LicenceState activate(LocalDate today, Period term) {
        LifecycleStatus status = status(today);
        if (status != LifecycleStatus.ASSIGNED) {
            throw new IllegalStatusChangeException("reason.licence.cannotActivate", status);
        }
        return new LicenceState(clientId, paused, today, today.plus(term), billingStatus, everInvoiced);
    }

    /**
     * A client redeems the coupon code of an available licence: it becomes theirs and Active, its
     * first term beginning today. Every other status refuses, whoever the licence belongs to.
     */
    LicenceState redeem(long client, LocalDate today, Period term) {
        LifecycleStatus status = status(today);
        if (status != LifecycleStatus.AVAILABLE) {
            throw new IllegalStatusChangeException("reason.licence.cannotRedeem", status);
        }
        return new LicenceState(client, paused, today, today.plus(term), billingStatus, everInvoiced);
    }

    /** Another client, or none, for a licence nobody has used: the licence decides when that is allowed. */
    LicenceState assign(Long client) {
        return new LicenceState(client, paused, activatedOn, endsOn, billingStatus, everInvoiced);
    }

    /**
     * Its next term, ending on this day, replaces the current one, unbilled and running: a pause does not outlive the
     * term it stopped (decision 0180).
     */
    LicenceState renewed(LocalDate nextEnd) {
        return new LicenceState(clientId, false, activatedOn, nextEnd, BillingStatus.UNBILLED, everInvoiced);
    }

    /** An invoice was issued for the current term. */
    LicenceState invoiced() {
        if (!billable()) {
            throw new IllegalStatusChangeException("reason.licence.cannotInvoice", LifecycleStatus.AVAILABLE);
        }
        return new LicenceState(clientId, paused, activatedOn, endsOn, BillingStatus.INVOICED, true);
    }

    /** The current term's invoice was paid. */
    LicenceState paid() {
        return new LicenceState(clientId, paused, activatedOn, endsOn, BillingStatus.PAID, everInvoiced);
    }

    /** The payment of the current term's invoice was removed (decision 0086): the term is invoiced, as before it. */
    LicenceState paymentRemoved() {
        return new LicenceState(clientId, paused, activatedOn, endsOn, BillingStatus.INVOICED, true);
    }

    /** The current term's invoice was voided: the term is unbilled again. */
    LicenceState unbilled() {
        return new LicenceState(clientId, paused, activatedOn, endsOn, BillingStatus.UNBILLED, everInvoiced);
    }
}
