package io.licencedesk.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The one way LicenceDesk writes a moment for a person to read, on a page or in an e-mail: "5 Dec 2026, 17:40 UTC",
 * "5 déc. 2026, 17:40 UTC". Moments are shown in the server's zone ({@code TZ}, docs/operations.md), which a reader
 * elsewhere cannot guess, so every moment names its zone (decision 0091); an e-mail writes it as the pages do, in
 * its recipient's language (decision 0093). Used by templates as {@code @times} ({@code ${@times.toTheMinute(x,
 * #locale)}}) and by the e-mails' wording through the static methods; days ("5 Dec 2026") have no zone and keep their
 * own format. The machine value of a {@code <time datetime>} stays the instant itself.
 */
@Component("times")
public class ShownTimes {

    static final String TO_THE_MINUTE = "d MMM yyyy, HH:mm z";
    static final String TO_THE_SECOND = "d MMM yyyy, HH:mm:ss z";
    static final String TIME_OF_DAY = "HH:mm:ss z";

    /**
     * Formatters made once per pattern and language: making one parses its pattern and looks up the language's data,
     * and a page writes dozens of moments. They are immutable and thread-safe, so one is shared.
     */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    /** "5 Dec 2026, 17:40 UTC"; empty for no moment. */
    public String toTheMinute(TemporalAccessor moment, Locale locale) {
        return minute(moment, locale);
    }

    /** "5 Dec 2026, 17:40:42 UTC", where seconds tell entries apart (audit log, deliveries, check-ins). */
    public String toTheSecond(TemporalAccessor moment, Locale locale) {
        return second(moment, locale);
    }

    /** "17:40:42 UTC", for a moment of the next hours (a webhook's next attempt). */
    public String timeOfDay(TemporalAccessor moment, Locale locale) {
        return format(TIME_OF_DAY, moment, locale);
    }

    /** {@link #toTheMinute}, for code that writes to people outside a template: an e-mail's expiry. */
    public static String minute(TemporalAccessor moment, Locale locale) {
        return format(TO_THE_MINUTE, moment, locale);
    }

    /** {@link #toTheSecond}, for code that writes to people outside a template: a recorded moment. */
    public static String second(TemporalAccessor moment, Locale locale) {
        return format(TO_THE_SECOND, moment, locale);
    }

    static String format(String pattern, TemporalAccessor moment, Locale locale) {
        if (moment == null) {
            return "";
        }
        return formatter(pattern, locale).format(inTheServersZone(moment));
    }

    static DateTimeFormatter formatter(String pattern, Locale locale) {
        return FORMATTERS.computeIfAbsent(
                pattern + "/" + locale.toLanguageTag(), key -> DateTimeFormatter.ofPattern(pattern, locale));
    }

    private static ZonedDateTime inTheServersZone(TemporalAccessor moment) {
        ZoneId zone = ZoneId.systemDefault();
        if (moment instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (moment instanceof LocalDateTime local) {
            return local.atZone(zone);
        }
        return Instant.from(moment).atZone(zone);
    }
}
