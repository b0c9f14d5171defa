package io.licencedesk.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;

/** An exact amount in a currency, kept in minor units (cents). */
public record Money(long minorUnits, Currency currency) {

    private static final Map<String, NumberFormat> FORMATS = new ConcurrentHashMap<>();

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

    /**
     * For people, in the language of the request being answered (decision 0053): "€1,234.50" in English, "1 234,50 €"
     * in French. Outside a request, such as in a job, in English: what is sent to someone names its language.
     */
    public String formatted() {
        var context = LocaleContextHolder.getLocaleContext();
        return formatted(context == null ? null : context.getLocale());
    }

    /** For people reading this language; English for a language not spoken here. */
    public String formatted(Locale locale) {
        Language language = Language.of(locale).orElse(Language.DEFAULT);
        // A copy of a format made once per currency and language: making one looks up the locale's data each time (a
        // main-list page formats 25 to 100 amounts). Formats are not thread-safe, hence the copy.
        NumberFormat format = (NumberFormat) FORMATS.computeIfAbsent(
                        currency.getCurrencyCode() + "/" + language.code(), key -> formatFor(currency, language))
                .clone();
        return format.format(amount());
    }

    private static NumberFormat formatFor(Currency currency, Language language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(currency);
        return format;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount().toPlainString();
    }
}
