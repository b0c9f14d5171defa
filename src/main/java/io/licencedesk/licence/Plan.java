package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.Period;

/** What a licence is sold as: a term (ISO-8601 period, such as P1M) and a price per screen. */
public record Plan(long id, String name, Period term, Money unitPrice) {

    /** "1 month", "3 months", "1 year": the term as people read it. */
    public String termLabel() {
        return Terms.describe(term);
    }
}
