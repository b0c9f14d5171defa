package io.licencedesk.licence;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.InvisibleText;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * A per-screen licence. Its lifecycle status is derived, never stored, and every transition is a
 * method here that refuses what the current status does not allow.
 */
public final class Licence {

    private final Long id;
    private final long organisationId;
    private CouponCode couponCode;
    private long planId;
    private Period term;
    private Money unitPrice;
    private String name;
    private String note;
    private int quantity;
    private LicenceState state;
    private final Instant createdAt;
    private final int version;
    private int termNumber;
    private Boolean autoRenew;
    private LocalDate termStartsOn;
    private LocalDate termPricedOn;
    private boolean pausedForOverdue;

    /** A licence in its first term, following its plan on renewal, paused by a person if at all. */
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
            LicenceState state,
            Instant createdAt,
            int version,
            int termNumber) {
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
                state,
                createdAt,
                version,
                new Renewal(termNumber, null, null, null, false));
    }

    /**
     * What a licence's renewals have made of it: the current term's number, first day (null for the first term,
     * which starts on activation) and pricing day, its own auto-renew choice (null: its plan's), and whether it is
     * paused because its renewal invoice went unpaid.
     */
    record Renewal(
            int termNumber,
            LocalDate termStartsOn,
            LocalDate termPricedOn,
            Boolean autoRenew,
            boolean pausedForOverdue) {}

    /** A licence as stored; a new one comes from {@link #create}. */
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
            LicenceState state,
            Instant createdAt,
            int version,
            Renewal renewal) {
        this.id = id;
        this.organisationId = organisationId;
        this.couponCode = couponCode;
        this.planId = planId;
        this.term = term;
        this.unitPrice = unitPrice;
        this.name = name;
        this.note = note;
        this.quantity = quantity;
        this.state = state;
        this.createdAt = createdAt;
        this.version = version;
        this.termNumber = renewal.termNumber();
        this.termStartsOn = renewal.termStartsOn();
        this.termPricedOn = renewal.termPricedOn();
        this.autoRenew = renewal.autoRenew();
        this.pausedForOverdue = renewal.pausedForOverdue();
    }

    /** The longest name and note the table keeps (and the console's form allows). */
    static final int NAME_MAX = 200;

    static final int NOTE_MAX = 2000;

    private static final PlainText.Validator PLAIN_TEXT = new PlainText.Validator();

    /** The most screens one licence covers. */
    static final int QUANTITY_MAX = 10_000;

    /**
     * A new licence as an account manager entered it, on one of the organisation's plans (whose term and
     * price it keeps) and for one of its clients or none. Not yet saved: it has no id, and its coupon code
     * is drawn when it is.
     *
     * @throws InvalidLicenceException naming every field that is not acceptable, all at once
     */
    static Licence create(
            long organisationId,
            NewLicence request,
            List<Plan> organisationPlans,
            LongPredicate organisationHasClient,
            Instant createdAt) {
        refuseAny(newRefusals(
                request.planId(),
                request.name(),
                request.note(),
                request.quantity(),
                request.clientId(),
                organisationPlans,
                organisationHasClient));
        Plan plan = planOf(request.planId(), organisationPlans);
        return new Licence(
                null,
                organisationId,
                null,
                plan.id(),
                plan.term(),
                plan.unitPrice(),
                request.name().strip(),
                stripToNull(request.note()),
                request.quantity(),
                LicenceState.unused(request.clientId()),
                createdAt,
                0,
                1);
    }

    private static void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > QUANTITY_MAX) {
            throw new InvalidLicenceException("quantity", Reason.of("reason.licence.quantityRange", QUANTITY_MAX));
        }
    }

    private static void checkName(String name) {
        if (InvisibleText.is(name)) {
            throw new InvalidLicenceException("name", Reason.of("reason.licence.nameMissing"));
        }
        if (Characters.moreThan(name.strip(), NAME_MAX)) {
            throw new InvalidLicenceException("name", Reason.of("reason.licence.nameTooLong", NAME_MAX));
        }
        // The console's form refuses tags beside the field; this is the same rule for the API's door.
        if (!PLAIN_TEXT.isValid(name, null)) {
            throw new InvalidLicenceException("name", Reason.of("reason.licence.markup"));
        }
    }

    private static void checkNote(String note) {
        if (note != null && Characters.moreThan(note.strip(), NOTE_MAX)) {
            throw new InvalidLicenceException("note", Reason.of("reason.licence.noteTooLong", NOTE_MAX));
        }
        if (!PLAIN_TEXT.isValid(note, null)) {
            throw new InvalidLicenceException("note", Reason.of("reason.licence.markup"));
        }
    }

    static String stripToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What an account manager may change on this licence, as it is now. */
    EditedLicence editable() {
        return new EditedLicence(name, note, quantity, planId, state.clientId());
    }

    /**
     * Changes what the rules allow (decision 0045), all or nothing:
     * <ul>
     *   <li>name and note, always;
     *   <li>quantity, never below the screens registered on it;
     *   <li>plan (with its term and price), only while no client has used it and its term is not invoiced;
     *   <li>client, on the same condition and while it has no screens: an Available licence is assigned (its coupon code then stops
     *       working, as a code only redeems an Available licence), an Assigned one moves to another client or
     *       becomes Available again under a fresh coupon code, so whoever held the old one cannot redeem it.
     * </ul>
     *
     * @param registeredScreens the screens on it now, counted while it is locked
     * @param freshCode draws an unused coupon code, asked only when the licence becomes Available again
     * @throws InvalidLicenceException naming every field that the rules refuse, all at once; nothing is changed then
     */
    void edit(
            EditedLicence edited,
            List<Plan> organisationPlans,
            LongPredicate organisationHasClient,
            int registeredScreens,
            Supplier<CouponCode> freshCode) {
        refuseAny(refusals(
                edited.name(),
                edited.note(),
                edited.quantity(),
                edited.planId(),
                edited.clientId(),
                organisationPlans,
                organisationHasClient,
                registeredScreens));
        Plan plan = choosePlan(edited.planId(), organisationPlans);
        boolean clientChanges = !Objects.equals(edited.clientId(), state.clientId());
        CouponCode code = clientChanges && edited.clientId() == null ? freshCode.get() : couponCode;
        name = edited.name().strip();
        note = stripToNull(edited.note());
        quantity = edited.quantity();
        if (plan != null) {
            planId = plan.id();
            term = plan.term();
            unitPrice = plan.unitPrice();
        }
        if (clientChanges) {
            state = state.assign(edited.clientId());
            couponCode = code;
        }
    }

    /**
     * What {@link #edit} says of these values, by field and all at once, without changing anything: the one place
     * that decides every field's refusal, for the edit itself, for a form that names every error together, and for
     * the API's answer that lists them (decision 0077). A quantity or plan that is null is not checked (a form has
     * none to offer, or refused it already); a null client is none, and the name and note are always checked.
     */
    Map<String, Reason> refusals(
            String name,
            String note,
            Integer quantity,
            Long planId,
            Long clientId,
            List<Plan> organisationPlans,
            LongPredicate organisationHasClient,
            int registeredScreens) {
        Map<String, Reason> refusals = new LinkedHashMap<>();
        checkRefusal(refusals, () -> checkName(name));
        checkRefusal(refusals, () -> checkNote(note));
        refusal(refusals, quantity, value -> checkQuantity(value, registeredScreens));
        refusal(refusals, planId, value -> choosePlan(value, organisationPlans));
        checkRefusal(refusals, () -> checkClient(clientId, organisationHasClient, registeredScreens));
        return refusals;
    }

    /**
     * What {@link #create} says of a new licence's values, by field and all at once, as {@link #refusals} does for
     * an edit. A plan, quantity or client that is null is not checked; the name and note always are.
     */
    static Map<String, Reason> newRefusals(
            Long planId,
            String name,
            String note,
            Integer quantity,
            Long clientId,
            List<Plan> organisationPlans,
            LongPredicate organisationHasClient) {
        Map<String, Reason> refusals = new LinkedHashMap<>();
        refusal(refusals, planId, value -> planOf(value, organisationPlans));
        refusal(refusals, clientId, value -> checkClientOf(value, organisationHasClient));
        refusal(refusals, quantity, value -> checkQuantity(value));
        checkRefusal(refusals, () -> checkName(name));
        checkRefusal(refusals, () -> checkNote(note));
        return refusals;
    }

    private static void refuseAny(Map<String, Reason> refusals) {
        if (!refusals.isEmpty()) {
            throw new InvalidLicenceException(refusals);
        }
    }

    private static <T> void refusal(Map<String, Reason> refusals, T value, Consumer<T> check) {
        if (value != null) {
            checkRefusal(refusals, () -> check.accept(value));
        }
    }

    private static void checkRefusal(Map<String, Reason> refusals, Runnable check) {
        try {
            check.run();
        } catch (InvalidLicenceException refused) {
            refusals.putIfAbsent(refused.field(), refused.reason());
        }
    }

    private static void checkQuantity(int quantity, int registeredScreens) {
        checkQuantity(quantity);
        if (quantity < registeredScreens) {
            throw new InvalidLicenceException(
                    "quantity", Reason.of("reason.licence.quantityBelowScreens", registeredScreens));
        }
    }

    /** The plan the licence moves to, or null when it keeps its own. */
    private Plan choosePlan(long chosenPlanId, List<Plan> organisationPlans) {
        if (chosenPlanId == planId) {
            return null;
        }
        Plan plan = planOf(chosenPlanId, organisationPlans);
        refuseOnceUsedOrInvoiced("planId", "reason.licence.usedKeepsPlan", "reason.licence.invoicedKeepsPlan");
        return plan;
    }

    private static Plan planOf(long chosenPlanId, List<Plan> organisationPlans) {
        return organisationPlans.stream()
                .filter(candidate -> candidate.id() == chosenPlanId)
                .findFirst()
                .orElseThrow(() -> new InvalidLicenceException("planId", Reason.of("reason.licence.choosePlan")));
    }

    private static void checkClientOf(long clientId, LongPredicate organisationHasClient) {
        if (!organisationHasClient.test(clientId)) {
            throw new InvalidLicenceException("clientId", Reason.of("reason.licence.chooseClient"));
        }
    }

    private void checkClient(Long clientId, LongPredicate organisationHasClient, int registeredScreens) {
        if (Objects.equals(clientId, state.clientId())) {
            return;
        }
        if (clientId != null) {
            checkClientOf(clientId, organisationHasClient);
        }
        refuseOnceUsedOrInvoiced("clientId", "reason.licence.usedKeepsClient", "reason.licence.invoicedKeepsClient");
        if (registeredScreens > 0) {
            // Screens registered by its client before it was used: their credentials are that client's.
            throw new InvalidLicenceException(
                    "clientId", Reason.of("reason.licence.screensKeepClient", registeredScreens));
        }
    }

    /** Why the plan and the client cannot change now (decision 0045), or null when they can. */
    public Reason planAndClientLock() {
        if (state.usedByClient()) {
            return Reason.of("reason.licence.usedKeepsPlanAndClient");
        }
        if (state.billingStatus() != BillingStatus.UNBILLED) {
            return Reason.of("reason.licence.invoicedKeepsPlanAndClient");
        }
        return null;
    }

    private void refuseOnceUsedOrInvoiced(String field, String whenUsed, String whenInvoiced) {
        if (state.usedByClient()) {
            throw new InvalidLicenceException(field, Reason.of(whenUsed));
        }
        if (state.billingStatus() != BillingStatus.UNBILLED) {
            throw new InvalidLicenceException(field, Reason.of(whenInvoiced));
        }
    }

    /** The status on the given day; see {@link LicenceState#statusOf} for the rule. */
    public LifecycleStatus status(LocalDate today) {
        return state.status(today);
    }

    /** Active, with an end date within the organisation's warning window (mirrored in LicenceQueries). */
    public boolean expiringSoon(LocalDate today, int windowDays) {
        return state.expiringSoon(today, windowDays);
    }

    public boolean canPause(LocalDate today) {
        return state.canPause(today);
    }

    public boolean canResume(LocalDate today) {
        return state.canResume(today);
    }

    /** Licences a client has used, or that were invoiced, are kept: they carry history and money. */
    public boolean deletable(LocalDate today) {
        return deletionRefusal(today) == null;
    }

    /** Why this licence cannot be deleted, as a reason for the channel to put into words, or null when it can be. */
    public Reason deletionRefusal(LocalDate today) {
        return state.deletionRefusal(today);
    }

    void pause(LocalDate today) {
        state = state.pause(today);
    }

    void resume(LocalDate today) {
        state = state.resume(today);
        pausedForOverdue = false;
    }

    /** Its renewal invoice is unpaid too long after its due date (decision 0048): paused, saying why. */
    void pauseForOverdue(LocalDate today) {
        state = state.pause(today);
        pausedForOverdue = true;
    }

    /** Paused because its renewal invoice went unpaid, and still paused: payment resumes it. */
    public boolean pausedForOverdue(LocalDate today) {
        return pausedForOverdue && status(today) == LifecycleStatus.PAUSED;
    }

    /** Whether it renews by itself when its term nears its end: its own choice, else its plan's. */
    public boolean renewsAutomatically(Plan plan) {
        return autoRenew != null ? autoRenew : plan.autoRenew();
    }

    /** Its own auto-renew choice, or null when its plan decides. */
    public Boolean autoRenewChoice() {
        return autoRenew;
    }

    void chooseAutoRenew(Boolean choice) {
        autoRenew = choice;
    }

    /**
     * The current term's first day: activation for the first term, the day after the previous term's last day for a
     * renewed one (decision 0137; terms renewed before it started on that last day and keep their start).
     */
    public LocalDate termStartsOn() {
        return termStartsOn != null ? termStartsOn : state.activatedOn();
    }

    /** The day the current term's price was read from the plan: null for the first term (priced at creation). */
    public LocalDate termPricedOn() {
        return termPricedOn;
    }

    /**
     * Why it cannot be renewed on this plan today, or null when it can (decision 0048): a term must have begun
     * (a licence nobody has used has nothing to renew), a paused licence does not renew, only the current term
     * renews (a renewed licence waits for its next term to begin), and the next term must not be over already.
     */
    public Reason renewalRefusal(Plan plan, LocalDate today) {
        if (!state.usedByClient()) {
            // Without a client, "when its client does" spoke of a client there is not.
            return Reason.of(
                    state.clientId() == null ? "reason.renewal.notStartedNoClient" : "reason.renewal.notStarted");
        }
        if (status(today) == LifecycleStatus.PAUSED) {
            return Reason.of("reason.renewal.paused");
        }
        if (termStartsOn().isAfter(today)) {
            return Reason.of("reason.renewal.alreadyRenewed", termStartsOn());
        }
        if (nextEnd(plan.term()).isBefore(today)) {
            return Reason.of("reason.renewal.lapsed", state.endsOn());
        }
        return null;
    }

    /**
     * Starts the next term on the day after the current term's end date (its last day, decision 0137), for one term of
     * the plan as it is today and at its price today: like a subscription's next period, no day is in two terms. The
     * next term is unbilled until its invoice is issued. It runs: a paused licence renews only once its term ended
     * while paused (it is Expired then, which Resume refuses), and that pause ended with the term it stopped (decision
     * 0180).
     *
     * @throws RenewalRefusedException saying why it cannot be renewed ({@link #renewalRefusal})
     */
    void renew(Plan plan, LocalDate today) {
        if (plan.id() != planId) {
            throw new IllegalArgumentException("Plan " + plan.id() + " is not licence " + id + "'s");
        }
        Reason refusal = renewalRefusal(plan, today);
        if (refusal != null) {
            throw new RenewalRefusedException(refusal);
        }
        LocalDate nextStart = state.endsOn().plusDays(1);
        termNumber++;
        termStartsOn = nextStart;
        termPricedOn = today;
        term = plan.term();
        unitPrice = plan.unitPrice();
        state = state.renewed(nextEnd(plan.term()));
        pausedForOverdue = false;
    }

    /**
     * The end of a next term of this length, which starts the day after the current end and so ends one length after
     * that end (a month after 6 January: 7 January to 6 February inclusive). A term in months or years keeps the day of
     * the month the licence was activated on where the month has it: activated on 31 January, a monthly licence ends
     * on 28 February, then 31 March and 30 April, not on the 28th for ever after (nor a yearly one activated on 29
     * February on the 28th in every leap year to come). February's end only stood for the 31st it could not hold.
     */
    private LocalDate nextEnd(Period length) {
        LocalDate start = state.endsOn();
        LocalDate end = start.plus(length);
        int anchor = state.activatedOn().getDayOfMonth();
        boolean startCutShort = start.getDayOfMonth() < anchor && start.getDayOfMonth() == start.lengthOfMonth();
        if (length.getDays() != 0 || !startCutShort) {
            return end;
        }
        return end.withDayOfMonth(Math.min(anchor, end.lengthOfMonth()));
    }

    /** The client starts using an assigned licence: its first term begins today. */
    void activate(LocalDate today) {
        state = state.activate(today, term);
    }

    /**
     * A client redeems the coupon code of an available licence: it becomes theirs and Active, its
     * first term beginning today. Every other status refuses, whoever the licence belongs to.
     */
    void redeem(long client, LocalDate today) {
        state = state.redeem(client, today, term);
    }

    /** Only a licence with a client can be invoiced: there is nobody to bill otherwise. */
    public boolean billable() {
        return state.billable();
    }

    /** An invoice was issued for the current term. */
    void markInvoiced() {
        state = state.invoiced();
    }

    /** The current term's invoice was paid. */
    void markPaid() {
        state = state.paid();
    }

    /** The payment of the current term's invoice was removed: the term is invoiced again, not paid. */
    void markPaymentRemoved() {
        state = state.paymentRemoved();
    }

    /** The current term's invoice was voided: the term is unbilled again. */
    void markUnbilled() {
        state = state.unbilled();
    }

    void ensureDeletable(LocalDate today) {
        if (!deletable(today)) {
            throw new LicenceNotDeletableException(deletionRefusal(today));
        }
    }

    /** The recorded state for the audit trail: what a person would want to compare before and after. */
    Map<String, Object> snapshot(LocalDate today) {
        var recorded = new LinkedHashMap<String, Object>();
        recorded.put("couponCode", couponCode.value());
        recorded.put("name", name);
        recorded.put("note", note);
        recorded.put("planId", planId);
        recorded.put("term", term.toString());
        recorded.put("unitPrice", unitPrice.toString());
        recorded.put("quantity", quantity);
        recorded.put("clientId", state.clientId());
        recorded.put("status", status(today).label());
        recorded.put("billingStatus", state.billingStatus().label());
        recorded.put(
                "activatedOn",
                state.activatedOn() == null ? null : state.activatedOn().toString());
        recorded.put("endsOn", state.endsOn() == null ? null : state.endsOn().toString());
        recorded.put("termNumber", termNumber);
        recorded.put("autoRenew", autoRenew == null ? "Plan default" : autoRenew ? "Yes" : "No");
        if (pausedForOverdue) {
            recorded.put("pauseReason", "Renewal invoice overdue");
        }
        return recorded;
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
                state,
                createdAt,
                version,
                renewal());
    }

    Renewal renewal() {
        return new Renewal(termNumber, termStartsOn, termPricedOn, autoRenew, pausedForOverdue);
    }

    /** Whether it has ever had an invoice, voided ones included. */
    public boolean everInvoiced() {
        return state.everInvoiced();
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
        return state.clientId();
    }

    public boolean paused() {
        return state.paused();
    }

    public LocalDate activatedOn() {
        return state.activatedOn();
    }

    public LocalDate endsOn() {
        return state.endsOn();
    }

    public BillingStatus billingStatus() {
        return state.billingStatus();
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
