package io.licencedesk.licence;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes plan terms, ISO-8601 periods such as P1M, P3M or P1Y. */
public final class Terms {

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

    public static String describe(Period term) {
        List<String> parts = new ArrayList<>();
        add(parts, term.getYears(), "year");
        add(parts, term.getMonths(), "month");
        add(parts, term.getDays(), "day");
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, int count, String unit) {
        if (count != 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }
}
