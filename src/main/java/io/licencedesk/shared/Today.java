package io.licencedesk.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Days as a person somewhere reads them, where the server only knows its own zone ({@code TZ}, decision 0131).
 */
public final class Today {

    /** The zone furthest ahead of UTC, the Line Islands': a date begins there first. */
    static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

    private Today() {}

    /**
     * The latest date any time zone has reached at this moment: a date after it is in the future for everyone, and
     * a date up to it may be someone's today (a manager in Tokyo just after midnight, on a server in UTC).
     */
    public static LocalDate latestAnywhere(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), EARLIEST);
    }
}
