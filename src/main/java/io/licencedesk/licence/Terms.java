package io.licencedesk.licence;

import io.licencedesk.shared.Language;
import java.text.MessageFormat;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/** Reads and writes plan terms, ISO-8601 periods such as P1M, P3M or P1Y. */
public final class Terms {

    /** The messages files as they are, without falling back to the server's own language (decision 0053). */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Terms() {}

    /** The period for the text, or null when it is not a positive ISO-8601 period of years, months and days. */
    public static Period parseOrNull(String text) {
        try {
            Period period = Period.parse(text.strip().toUpperCase());
            boolean positive = !period.isNegative() && !period.isZero();
            return positive && period.toTotalMonths() <= 120 ? period : null;
        } catch (RuntimeException notAPeriod) {
            return null;
        }
    }

    /**
     * "1 year", "3 mois": the term in the language of the request being answered, and in English outside a request
     * (a job), never in the server's own language, as {@code Money.formatted()} does. A plan or licence read
     * directly by a page so speaks the page's language.
     */
    public static String describe(Period term) {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return describe(term, context == null ? null : context.getLocale());
    }

    /** The term for a named reader; English for a language LicenceDesk does not speak. */
    public static String describe(Period term, Locale locale) {
        Locale language = Language.of(locale).orElse(Language.DEFAULT).locale();
        ResourceBundle words = ResourceBundle.getBundle("messages", language, NO_FALLBACK);
        List<String> parts = new ArrayList<>();
        add(parts, words, language, term.getYears(), "term.year");
        add(parts, words, language, term.getMonths(), "term.month");
        add(parts, words, language, term.getDays(), "term.day");
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, ResourceBundle words, Locale language, int count, String key) {
        if (count != 0) {
            parts.add(new MessageFormat(words.getString(key), language).format(new Object[] {count}));
        }
    }
}
