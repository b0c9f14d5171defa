package io.licencedesk.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An exact amount in a currency, kept in minor units (cents). */
public record Money(long minorUnits, Currency currency) {

    private static final Map<Currency, NumberFormat> FORMATS = new ConcurrentHashMap<>();

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(
                amount.setScale(currency.getDefaultFractionDigits())
                        .unscaledValue()
                        .longValueExact(),
                currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** This amount times a percentage (such as a VAT rate of 20.00), rounded half up to the minor unit. */
    public Money percent(BigDecimal rate) {
        BigDecimal minor = BigDecimal.valueOf(minorUnits).multiply(rate).movePointLeft(2);
        return new Money(minor.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /** For people: "€1,234.50". */
    public String formatted() {
        // A copy of a format made once per currency: making one looks up the locale's data each time (a main-list
        // page formats 25 to 100 amounts). Formats are not thread-safe, hence the copy.
        NumberFormat format = (NumberFormat)
                FORMATS.computeIfAbsent(currency, Money::formatFor).clone();
        return format.format(amount());
    }

    private static NumberFormat formatFor(Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(currency);
        return format;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount().toPlainString();
    }
}
