package io.licencedesk.devices;

import io.licencedesk.accounts.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screen figures of the staff dashboard (decision 0050): the screens registered on the organisation's active
 * licences, and how many of them checked in within the last 24 hours. Check-in times reach the database within one
 * flush interval (LastCheckIns, 5 s by default), which is as late as this count can be.
 */
@Service
@Transactional(readOnly = true)
public class ScreenFigures {

    /** How recent a check-in must be for its screen to count as seen. */
    public static final Duration SEEN_WITHIN = Duration.ofHours(24);

    private final ScreenFigureQueries queries;
    private final Clock clock;

    ScreenFigures(ScreenFigureQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public ScreenUse onActiveLicences(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read their organisation's figures");
        }
        Instant now = clock.instant();
        long[] counts =
                queries.registeredAndSeen(caller.organisationId(), LocalDate.now(clock), now.minus(SEEN_WITHIN));
        return new ScreenUse(counts[0], counts[1], SEEN_WITHIN);
    }
}
