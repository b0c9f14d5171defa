package io.licencedesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The system clock, which a test can move forward (a link expiring in 72 hours, say) and back. */
public class MovableClock extends Clock {

    private final Clock system = Clock.systemDefaultZone();
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /**
     * Moves the clock to this instant, from which it runs on: a test about a date edge (a month's end, 29 February)
     * sees the same days whenever it runs.
     */
    public void moveTo(Instant instant) {
        offset = Duration.between(system.instant(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application uses one zone");
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
