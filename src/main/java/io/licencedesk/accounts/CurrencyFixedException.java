package io.licencedesk.accounts;

import java.util.Currency;

/** The organisation's currency cannot change once it has licences or invoices (decision 0029). */
public class CurrencyFixedException extends RuntimeException {

    public CurrencyFixedException(Currency currency) {
        super("The currency cannot change once licences or invoices exist: their prices are in "
                + currency.getCurrencyCode() + ".");
    }
}
