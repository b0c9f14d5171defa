package io.licencedesk.licence;

import io.licencedesk.shared.Language;
import io.licencedesk.shared.Money;
import java.time.LocalDate;
import java.time.Period;

/**
 * What invoicing needs to know about a licence to bill its current term. The term's first day is null while the
 * licence waits for its client to start using it.
 */
public record BillableLicence(
        long id,
        String couponCode,
        String name,
        String planName,
        Long clientId,
        int quantity,
        Money unitPrice,
        Money amount,
        Period term,
        int termNumber,
        LocalDate termStartsOn,
        LocalDate endsOn,
        LifecycleStatus status,
        BillingStatus billingStatus) {

    /** "3 months", the length of one term, in English: the invoice records it so (decision 0053). */
    public String termLength() {
        return Terms.describe(term, Language.DEFAULT.locale());
    }
}
