package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's plans: everyone on staff reads them, only owners add or change them. */
@Service
@Transactional
public class PlanCatalogue {

    private static final BigDecimal HIGHEST_UNIT_PRICE = new BigDecimal(Plan.HIGHEST_UNIT_PRICE);

    private final PlanRepository plans;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanCatalogue(PlanRepository plans, AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Plan> plans(Caller caller) {
        requireStaff(caller);
        return plans.findAll(caller.organisationId(), currency(caller));
    }

    @Transactional(readOnly = true)
    public Plan plan(Caller caller, long id) {
        requireStaff(caller);
        return plans.find(caller.organisationId(), id, currency(caller))
                .orElseThrow(() -> new PlanNotFoundException(id));
    }

    public Plan addPlan(Caller caller, NewPlan plan) {
        requireOwner(caller);
        String name = plan.name().strip();
        requireSupportedTerm(plan);
        long unitPrice = minorUnits(caller, plan); // what can never be saved is said before what is taken
        if (plans.nameTaken(caller.organisationId(), name, null)) {
            throw new PlanNameTakenException();
        }
        try {
            long id = plans.insert(
                    caller.organisationId(), name, plan.term(), unitPrice, plan.autoRenew(), clock.instant());
            return added(caller, id);
        } catch (DuplicateKeyException raced) {
            throw new PlanNameTakenException();
        }
    }

    /** Existing licences keep the term and price they were created with, until they renew (decision 0048). */
    public Plan updatePlan(Caller caller, long id, NewPlan plan) {
        return updatePlan(caller, id, current -> plan);
    }

    /**
     * Changes the plan to what {@code change} makes of its current values, read under the plan's lock: two changes of
     * different fields (the REST API's PATCH, which sends only some) both stay, where the second was written over the
     * values read before the first.
     */
    public Plan updatePlan(Caller caller, long id, Function<Plan, NewPlan> change) {
        requireOwner(caller);
        Plan before = plans.findForUpdate(caller.organisationId(), id, currency(caller))
                .orElseThrow(() -> new PlanNotFoundException(id));
        NewPlan plan = change.apply(before);
        String name = plan.name().strip();
        if (!plan.term().equals(before.term())) {
            requireSupportedTerm(plan); // a plan made before decision 0083 keeps its term while its price changes
        }
        long unitPrice = minorUnits(caller, plan);
        if (plans.nameTaken(caller.organisationId(), name, id)) {
            throw new PlanNameTakenException();
        }
        try {
            plans.update(caller.organisationId(), id, name, plan.term(), unitPrice, plan.autoRenew());
        } catch (DuplicateKeyException raced) {
            // Another plan took the name between the check and the update (only this plan's row is locked): the
            // check's refusal, not a 500 (decision 0153).
            throw new PlanNameTakenException();
        }
        return changed(caller, before);
    }

    private Plan added(Caller caller, long id) {
        Plan added = plan(caller, id);
        events.publishEvent(new PlanAdded(caller, added, clock.instant()));
        return added;
    }

    private Plan changed(Caller caller, Plan before) {
        Plan after = plan(caller, before.id());
        if (!after.equals(before)) {
            events.publishEvent(new PlanChanged(caller, before, after, clock.instant()));
        }
        return after;
    }

    /**
     * Why a plan could not be saved at this price per screen, by field, changing nothing: empty, or a price below
     * zero, above {@link Plan#HIGHEST_UNIT_PRICE} or with more decimals than the organisation's currency has. For a channel that names it beside the fields it refused
     * itself, in one answer (decision 0077); {@link #addPlan} and {@link #updatePlan} check it again.
     */
    @Transactional(readOnly = true)
    public Map<String, Reason> priceRefusals(Caller caller, BigDecimal unitPrice) {
        requireStaff(caller);
        Reason refusal = priceRefusal(currency(caller), unitPrice);
        return refusal == null ? Map.of() : Map.of("unitPrice", refusal);
    }

    /** Console and API alike: a week typed as P1W, or a month and a day, is refused here too (decision 0083). */
    private static void requireSupportedTerm(NewPlan plan) {
        if (plan.term() == null || !Terms.isSupported(plan.term())) {
            throw new InvalidLicenceException("term", Reason.of("reason.plan.unsupportedTerm"));
        }
    }

    private long minorUnits(Caller caller, NewPlan plan) {
        Currency currency = currency(caller);
        Reason refusal = priceRefusal(currency, plan.unitPrice());
        if (refusal != null) {
            throw new InvalidLicenceException("unitPrice", refusal);
        }
        return Money.of(plan.unitPrice(), currency).minorUnits();
    }

    /** A yen price of 10.50 cannot be charged; rounding it silently would change the price. */
    private static Reason priceRefusal(Currency currency, BigDecimal unitPrice) {
        if (unitPrice.signum() < 0) {
            return Reason.of("reason.plan.negativePrice");
        }
        if (unitPrice.compareTo(HIGHEST_UNIT_PRICE) > 0) {
            return Reason.of("reason.plan.priceTooHigh");
        }
        int digits = currency.getDefaultFractionDigits();
        return unitPrice.stripTrailingZeros().scale() > Math.max(digits, 0)
                ? Reason.of("reason.plan.tooManyDecimals", currency.getCurrencyCode(), digits)
                : null;
    }

    private Currency currency(Caller caller) {
        return accounts.organisation(caller).currency();
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read plans");
        }
    }

    private static void requireOwner(Caller caller) {
        if (!caller.isOwner()) {
            throw new AccessDeniedException("Only owners may change plans");
        }
    }
}
