package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import java.util.Currency;

/** The organisation's currency cannot change once it has licences or invoices (decision 0029). */
public class CurrencyFixedException extends RefusedException {

    CurrencyFixedException(Currency currency) {
        super(Reason.of("reason.currency.fixed", currency.getCurrencyCode()));
    }
}
