package io.licencedesk.licence;

import java.math.BigDecimal;
import java.time.Period;

/** A plan as an owner enters it; the price is per screen in the organisation's currency. */
public record NewPlan(String name, Period term, BigDecimal unitPrice) {}
