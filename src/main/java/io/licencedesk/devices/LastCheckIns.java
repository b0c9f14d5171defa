package io.licencedesk.devices;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The last check-in time of each screen, kept in memory and written in one batch every few seconds
 * ({@code licencedesk.devices.check-in-flush}, 5 s): a write per check-in would cost more than the
 * check-in itself. Screens read on this node show their pending time at once; other nodes see it after
 * the next flush. A crash loses at most one interval of times (see decision 0020).
 */
@Component
class LastCheckIns {

    private static final Logger log = LoggerFactory.getLogger(LastCheckIns.class);

    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private final ScreenRepository screens;

    LastCheckIns(ScreenRepository screens) {
        this.screens = screens;
    }

    void record(long screenId, Instant time) {
        pending.merge(screenId, time, LastCheckIns::later);
    }

    /** The screens with the check-in times this node has not written yet. */
    List<Screen> overlay(List<Screen> list) {
        return list.stream().map(this::overlay).toList();
    }

    Screen overlay(Screen screen) {
        Instant time = pending.get(screen.id());
        if (time == null || (screen.lastCheckInAt() != null && !time.isAfter(screen.lastCheckInAt()))) {
            return screen;
        }
        return screen.withLastCheckInAt(time);
    }

    @Scheduled(
            fixedDelayString = "${licencedesk.devices.check-in-flush:PT5S}",
            initialDelayString = "${licencedesk.devices.check-in-flush:PT5S}")
    @PreDestroy
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, Instant> batch = new HashMap<>(pending);
        try {
            screens.recordCheckIns(batch);
            // a time that moved on while writing stays for the next flush
            batch.forEach(pending::remove);
        } catch (RuntimeException e) {
            log.warn("Could not record {} check-in times; keeping them for the next attempt", batch.size(), e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
