package io.licencedesk.web;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A wait as a person reads it: seconds under a minute ("45 s"), whole minutes from a minute on ("15 min", rounded up
 * so that nobody is told to try again before they may), instead of counting seconds up to 900. The sign-in page and
 * the portal's coupon code limit say their waits so.
 */
public final class WaitInWords {

    private WaitInWords() {}

    /**
     * The wait in English words, for the APIs' problem details, which are English (docs/api.md): "45 seconds", "1
     * minute", "15 minutes", rounded up as the pages' words are. A developer read "Try again in 846 s".
     */
    public static String inEnglish(long seconds) {
        if (seconds < 60) {
            return plural(Math.max(seconds, 1), "second");
        }
        return plural((seconds + 59) / 60, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** The wait in the language of the request being answered. */
    public static String of(long seconds, Words words) {
        return of(seconds, LocaleContextHolder.getLocale(), words);
    }

    /** The wait in the given language, for an answer made before the request's language is known to Spring MVC. */
    static String of(long seconds, Locale locale, Words words) {
        if (seconds < 60) {
            return words.of(locale, "wait.seconds", seconds);
        }
        return words.of(locale, "wait.minutes", (seconds + 59) / 60);
    }
}
