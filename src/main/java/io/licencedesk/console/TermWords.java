package io.licencedesk.console;

import io.licencedesk.licence.Terms;
import java.time.Period;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A term as a history records it ("P1Y", the ISO-8601 period a licence and a plan keep) in the page's words ("1 year",
 * "1 an"), as the plan's page and the licence's page write it (decision 0090). Used by {@code fragments/changes.html}
 * as {@code @termWords}; the web module's {@code RecordedValues} cannot read terms, which the licence module owns.
 */
@Component("termWords")
class TermWords {

    /** The term in words, or the value as recorded when it is not a term LicenceDesk writes. */
    public String shown(String recorded, Locale locale) {
        Period term = Terms.parseOrNull(recorded);
        return term == null ? recorded : Terms.describe(term, locale);
    }
}
