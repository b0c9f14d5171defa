package io.licencedesk.licence;

import io.licencedesk.shared.Language;
import java.text.MessageFormat;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Reads and writes plan terms, ISO-8601 periods such as P1M, P3M or P1Y. A term is counted in months or years (P1M,
 * P1Y6M), or in days alone (P7D), up to 10 years (decision 0083): Java reads P1W as P7D, so the plan would show a term
 * other than the one typed, and a term of months and days (P1M1D) ends on a day that depends on the order of the
 * arithmetic and is sold by nobody.
 */
public final class Terms {

    /** Years and months, or days alone; digits only, so that Java's signs ("-P-1M") and weeks are not read. */
    private static final Pattern SUPPORTED = Pattern.compile("P(?:\\d{1,4}Y)?(?:\\d{1,4}M)?|P\\d{1,5}D");

    private static final int MOST_MONTHS = 120;

    /** 10 years of days, with their leap days. */
    private static final int MOST_DAYS = 3652;

    /** The messages files as they are, without falling back to the server's own language (decision 0053). */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Terms() {}

    /**
     * The period for the text (any case, spaces around), or null when it is not a term LicenceDesk supports: see
     * {@link #isSupported}, and written with years and months, or days, only (not P1W).
     */
    public static Period parseOrNull(String text) {
        String term = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!SUPPORTED.matcher(term).matches()) {
            return null;
        }
        try {
            Period period = Period.parse(term);
            return isSupported(period) ? period : null;
        } catch (RuntimeException notAPeriod) {
            return null;
        }
    }

    /** "1 year 6 months", "3 mois", "30 days": counts each followed by its unit, in English or French. */
    private static final Pattern WRITTEN =
            Pattern.compile("(?:(\\d{1,5})\\s*(\\p{L}+)(?:\\s*,\\s*|\\s+(?:and|et)\\s+|\\s+|$))+");

    private static final int MOST_WRITTEN = 60;

    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[, ](?=\\d{3}(?!\\d))");

    private static final Pattern COUNT_AND_UNIT = Pattern.compile("(\\d{1,5})\\s*(\\p{L}+)");

    /** The units a person writes, as {@link #describe} writes them in each language, and their other spellings. */
    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
            Map.entry("year", ChronoUnit.YEARS),
            Map.entry("years", ChronoUnit.YEARS),
            Map.entry("month", ChronoUnit.MONTHS),
            Map.entry("months", ChronoUnit.MONTHS),
            Map.entry("day", ChronoUnit.DAYS),
            Map.entry("days", ChronoUnit.DAYS),
            Map.entry("an", ChronoUnit.YEARS),
            Map.entry("ans", ChronoUnit.YEARS),
            Map.entry("année", ChronoUnit.YEARS),
            Map.entry("années", ChronoUnit.YEARS),
            Map.entry("mois", ChronoUnit.MONTHS),
            Map.entry("jour", ChronoUnit.DAYS),
            Map.entry("jours", ChronoUnit.DAYS));

    /**
     * The period for a term as a person writes it in the console, "3 months", "1 an" or "1 year 6 months" (as
     * {@link #describe} writes terms, in English or French), or as an ISO-8601 period; null when it is neither, or
     * not a term LicenceDesk supports. Weeks are not read: "1 week" would come back as "7 days" (decision 0083).
     */
    public static Period parseWrittenOrNull(String text) {
        Period iso = parseOrNull(text);
        // The longest term written out is "10 years 11 months" or "3,652 jours"; a long text is none, and a regular
        // expression's repeated group would recurse once per part of it.
        if (iso != null || text == null || text.length() > MOST_WRITTEN) {
            return iso;
        }
        // No-break spaces as French writes them ("3 mois"), and thousands as describe writes them ("3,652 days").
        String written = DIGIT_GROUPS
                .matcher(text.replace('\u00a0', ' ')
                        .replace('\u202f', ' ')
                        .strip()
                        .toLowerCase(Locale.ROOT))
                .replaceAll("");
        if (!WRITTEN.matcher(written).matches()) {
            return null;
        }
        Map<ChronoUnit, Integer> counts = new EnumMap<>(ChronoUnit.class);
        Matcher part = COUNT_AND_UNIT.matcher(written);
        while (part.find()) {
            ChronoUnit unit = UNITS.get(part.group(2));
            if (unit == null || counts.put(unit, Integer.parseInt(part.group(1))) != null) {
                return null; // an unknown unit, or one written twice
            }
        }
        Period period = Period.of(
                counts.getOrDefault(ChronoUnit.YEARS, 0),
                counts.getOrDefault(ChronoUnit.MONTHS, 0),
                counts.getOrDefault(ChronoUnit.DAYS, 0));
        return isSupported(period) ? period : null;
    }

    /** Whether a plan may have this term: some months or years, or some days alone, up to 10 years. */
    public static boolean isSupported(Period term) {
        if (term == null || term.isNegative() || term.isZero()) {
            return false;
        }
        return term.getDays() == 0
                ? term.toTotalMonths() <= MOST_MONTHS
                : term.toTotalMonths() == 0 && term.getDays() <= MOST_DAYS;
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

    /**
     * "per month", "per 3 months", "par an", "tous les 3 mois": what a price is for, in the language of the request
     * being answered (English outside a request). One unit reads without its count ("per month", never "per 1
     * month"); a term of years and months is counted in months ("per 18 months").
     */
    public static String per(Period term) {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return per(term, context == null ? null : context.getLocale());
    }

    /** What a price is for, for a named reader; English for a language LicenceDesk does not speak. */
    public static String per(Period term, Locale locale) {
        Locale language = Language.of(locale).orElse(Language.DEFAULT).locale();
        ResourceBundle words = ResourceBundle.getBundle("messages", language, NO_FALLBACK);
        if (term.getDays() != 0) {
            return format(words, language, "term.per.day", term.getDays());
        }
        if (term.getMonths() == 0) {
            return format(words, language, "term.per.year", term.getYears());
        }
        return format(words, language, "term.per.month", (int) term.toTotalMonths());
    }

    private static String format(ResourceBundle words, Locale language, String key, int count) {
        return new MessageFormat(words.getString(key), language).format(new Object[] {count});
    }

    private static void add(List<String> parts, ResourceBundle words, Locale language, int count, String key) {
        if (count != 0) {
            parts.add(format(words, language, key, count));
        }
    }
}
