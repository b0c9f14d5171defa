package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.Period;

/**
 * What a licence is sold as: a term (ISO-8601 period, such as P1M), a price per screen, and whether its licences
 * renew by themselves unless a licence says otherwise (decision 0048).
 */
public record Plan(long id, String name, Period term, Money unitPrice, boolean autoRenew) {

    /**
     * The highest price per screen a plan takes, on every channel (console, API), as text so that a form's
     * annotation can name it. A licence's amount is at most this times 10,000 screens.
     */
    public static final String HIGHEST_UNIT_PRICE = "1000000.00";

    /** A plan whose licences do not renew by themselves. */
    public Plan(long id, String name, Period term, Money unitPrice) {
        this(id, name, term, unitPrice, false);
    }

    /** "1 month", "3 months", "1 year": the term as people read it. */
    public String termLabel() {
        return Terms.describe(term);
    }
}
