package io.licencedesk.licence;

import java.math.BigDecimal;
import java.time.Period;

/**
 * A plan as an owner enters it; the price is per screen in the organisation's currency. Auto-renew is the default
 * of its licences, which each may override.
 */
public record NewPlan(String name, Period term, BigDecimal unitPrice, boolean autoRenew) {

    /** A plan whose licences do not renew by themselves. */
    public NewPlan(String name, Period term, BigDecimal unitPrice) {
        this(name, term, unitPrice, false);
    }
}
