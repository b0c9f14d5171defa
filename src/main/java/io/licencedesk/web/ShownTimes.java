package io.licencedesk.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The one way a page writes a moment for a person to read: "5 Dec 2026, 17:40 UTC", "5 déc. 2026, 17:40 UTC". Pages
 * show moments in the server's zone ({@code TZ}, docs/operations.md), which a manager elsewhere cannot guess, so every
 * moment names its zone (decision 0091). Used by templates as {@code @times} ({@code ${@times.toTheMinute(x,
 * #locale)}}); days ("5 Dec 2026") have no zone and keep {@code #temporals.format}. The machine value of a
 * {@code <time datetime>} stays the instant itself.
 */
@Component("times")
public class ShownTimes {

    static final String TO_THE_MINUTE = "d MMM yyyy, HH:mm z";
    static final String TO_THE_SECOND = "d MMM yyyy, HH:mm:ss z";
    static final String TIME_OF_DAY = "HH:mm:ss z";

    /** "5 Dec 2026, 17:40 UTC"; empty for no moment. */
    public String toTheMinute(TemporalAccessor moment, Locale locale) {
        return format(TO_THE_MINUTE, moment, locale);
    }

    /** "5 Dec 2026, 17:40:42 UTC", where seconds tell entries apart (audit log, deliveries, check-ins). */
    public String toTheSecond(TemporalAccessor moment, Locale locale) {
        return format(TO_THE_SECOND, moment, locale);
    }

    /** "17:40:42 UTC", for a moment of the next hours (a webhook's next attempt). */
    public String timeOfDay(TemporalAccessor moment, Locale locale) {
        return format(TIME_OF_DAY, moment, locale);
    }

    static String format(String pattern, TemporalAccessor moment, Locale locale) {
        if (moment == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(pattern, locale).format(inTheServersZone(moment));
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
