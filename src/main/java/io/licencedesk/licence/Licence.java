package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-screen licence. Its lifecycle status is derived, never stored, and every transition is a
 * method here that refuses what the current status does not allow.
 */
public final class Licence {

    private final Long id;
    private final long organisationId;
    private final CouponCode couponCode;
    private final long planId;
    private final Period term;
    private final Money unitPrice;
    private final String name;
    private final String note;
    private final int quantity;
    private Long clientId;
    private boolean paused;
    private LocalDate activatedOn;
    private LocalDate endsOn;
    private BillingStatus billingStatus;
    private final Instant createdAt;
    private final int version;
    private final int termNumber;
    private boolean everInvoiced;

    Licence(
            Long id,
            long organisationId,
            CouponCode couponCode,
            long planId,
            Period term,
            Money unitPrice,
            String name,
            String note,
            int quantity,
            Long clientId,
            boolean paused,
            LocalDate activatedOn,
            LocalDate endsOn,
            BillingStatus billingStatus,
            Instant createdAt,
            int version) {
        this(
                id,
                organisationId,
                couponCode,
                planId,
                term,
                unitPrice,
                name,
                note,
                quantity,
                clientId,
                paused,
                activatedOn,
                endsOn,
                billingStatus,
                createdAt,
                version,
                1,
                false);
    }

    Licence(
            Long id,
            long organisationId,
            CouponCode couponCode,
            long planId,
            Period term,
            Money unitPrice,
            String name,
            String note,
            int quantity,
            Long clientId,
            boolean paused,
            LocalDate activatedOn,
            LocalDate endsOn,
            BillingStatus billingStatus,
            Instant createdAt,
            int version,
            int termNumber,
            boolean everInvoiced) {
        this.id = id;
        this.organisationId = organisationId;
        this.couponCode = couponCode;
        this.planId = planId;
        this.term = term;
        this.unitPrice = unitPrice;
        this.name = name;
        this.note = note;
        this.quantity = quantity;
        this.clientId = clientId;
        this.paused = paused;
        this.activatedOn = activatedOn;
        this.endsOn = endsOn;
        this.billingStatus = billingStatus;
        this.createdAt = createdAt;
        this.version = version;
        this.termNumber = termNumber;
        this.everInvoiced = everInvoiced;
    }

    /** The status on the given day; see {@link #statusOf} for the rule. */
    public LifecycleStatus status(LocalDate today) {
        return statusOf(clientId, paused, activatedOn, endsOn, today);
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

    /** Active, with an end date within the organisation's warning window (mirrored in LicenceQueries). */
    public boolean expiringSoon(LocalDate today, int windowDays) {
        return status(today) == LifecycleStatus.ACTIVE && !endsOn.isAfter(today.plusDays(windowDays));
    }

    /** The client has used it: redeemed, activated, or had a screen take a seat (so it has an activation date). */
    public boolean usedByClient() {
        return activatedOn != null;
    }

    public boolean canPause(LocalDate today) {
        LifecycleStatus status = status(today);
        return status != LifecycleStatus.PAUSED && status != LifecycleStatus.EXPIRED;
    }

    public boolean canResume(LocalDate today) {
        return status(today) == LifecycleStatus.PAUSED;
    }

    /** Licences a client has used, or that were invoiced, are kept: they carry history and money. */
    public boolean deletable(LocalDate today) {
        return deletionRefusal(today) == null;
    }

    /** Why this licence cannot be deleted, in words for the person who tried, or null when it can be. */
    public String deletionRefusal(LocalDate today) {
        if (usedByClient()) {
            // Only an active licence can still be stopped; a paused or expired one already is.
            return "This licence cannot be deleted because a client has used it."
                    + (canPause(today) ? " Pause it instead." : "");
        }
        // A voided invoice stays, and names the licence: ever invoiced counts, not only the current term.
        if (billingStatus != BillingStatus.UNBILLED || everInvoiced) {
            return "This licence cannot be deleted because it has been invoiced.";
        }
        return null;
    }

    void pause(LocalDate today) {
        if (!canPause(today)) {
            throw new IllegalStatusChangeException("paused", status(today));
        }
        paused = true;
    }

    void resume(LocalDate today) {
        if (!canResume(today)) {
            throw new IllegalStatusChangeException("resumed", status(today));
        }
        paused = false;
    }

    /** The client starts using an assigned licence: its first term begins today. */
    void activate(LocalDate today) {
        LifecycleStatus status = status(today);
        if (status != LifecycleStatus.ASSIGNED) {
            throw new IllegalStatusChangeException("activated", status);
        }
        activatedOn = today;
        endsOn = today.plus(term);
    }

    /**
     * A client redeems the coupon code of an available licence: it becomes theirs and Active, its
     * first term beginning today. Every other status refuses, whoever the licence belongs to.
     */
    void redeem(long client, LocalDate today) {
        LifecycleStatus status = status(today);
        if (status != LifecycleStatus.AVAILABLE) {
            throw new IllegalStatusChangeException("redeemed", status);
        }
        clientId = client;
        activatedOn = today;
        endsOn = today.plus(term);
    }

    /** Only a licence with a client can be invoiced: there is nobody to bill otherwise. */
    public boolean billable() {
        return clientId != null;
    }

    /** An invoice was issued for the current term. */
    void markInvoiced() {
        if (!billable()) {
            throw new IllegalStatusChangeException("invoiced", LifecycleStatus.AVAILABLE);
        }
        billingStatus = BillingStatus.INVOICED;
        everInvoiced = true;
    }

    /** The current term's invoice was paid. */
    void markPaid() {
        billingStatus = BillingStatus.PAID;
    }

    /** The current term's invoice was voided: the term is unbilled again. */
    void markUnbilled() {
        billingStatus = BillingStatus.UNBILLED;
    }

    void ensureDeletable(LocalDate today) {
        if (!deletable(today)) {
            throw new LicenceNotDeletableException(deletionRefusal(today));
        }
    }

    /** The recorded state for the audit trail: what a person would want to compare before and after. */
    Map<String, Object> snapshot(LocalDate today) {
        var state = new LinkedHashMap<String, Object>();
        state.put("couponCode", couponCode.value());
        state.put("name", name);
        state.put("note", note);
        state.put("planId", planId);
        state.put("term", term.toString());
        state.put("unitPrice", unitPrice.toString());
        state.put("quantity", quantity);
        state.put("clientId", clientId);
        state.put("status", status(today).label());
        state.put("billingStatus", billingStatus.label());
        state.put("activatedOn", activatedOn == null ? null : activatedOn.toString());
        state.put("endsOn", endsOn == null ? null : endsOn.toString());
        return state;
    }

    /** A copy with another coupon code, for drawing again when the code is taken. */
    Licence withCouponCode(CouponCode code) {
        return new Licence(
                id,
                organisationId,
                code,
                planId,
                term,
                unitPrice,
                name,
                note,
                quantity,
                clientId,
                paused,
                activatedOn,
                endsOn,
                billingStatus,
                createdAt,
                version);
    }

    /** Whether it has ever had an invoice, voided ones included. */
    public boolean everInvoiced() {
        return everInvoiced;
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }

    public Long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public CouponCode couponCode() {
        return couponCode;
    }

    public long planId() {
        return planId;
    }

    public Period term() {
        return term;
    }

    public Money unitPrice() {
        return unitPrice;
    }

    public String name() {
        return name;
    }

    public String note() {
        return note;
    }

    public int quantity() {
        return quantity;
    }

    public Long clientId() {
        return clientId;
    }

    public boolean paused() {
        return paused;
    }

    public LocalDate activatedOn() {
        return activatedOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public BillingStatus billingStatus() {
        return billingStatus;
    }

    public Instant createdAt() {
        return createdAt;
    }

    int version() {
        return version;
    }

    /** Terms are numbered from 1; one invoice counts per licence and term. */
    public int termNumber() {
        return termNumber;
    }
}
