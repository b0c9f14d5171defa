package io.licencedesk.devices;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last check-in time of each screen, kept in memory and written in one batch every few seconds
 * ({@code licencedesk.devices.check-in-flush}, 5 s): a write per check-in would cost more than the
 * check-in itself. Screens read on this node show their pending time at once; other nodes see it after
 * the next flush. A crash loses at most one interval of times (see decision 0020).
 *
 * <p>Each flush writes in transactions of {@value #CHUNK} rows (one commit each, not one per row) in
 * screen id order, so that two nodes flushing the same screens lock them in the same order.
 */
@Component
class LastCheckIns {

    private static final Logger log = LoggerFactory.getLogger(LastCheckIns.class);

    static final int CHUNK = 1000;

    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private final ScreenRepository screens;
    private final TransactionTemplate transaction;

    LastCheckIns(ScreenRepository screens, PlatformTransactionManager transactions) {
        this.screens = screens;
        this.transaction = new TransactionTemplate(transactions);
    }

    void record(long screenId, Instant time) {
        // to the microsecond, as the database keeps it: the time a screen shows is the same before and after a flush
        pending.merge(screenId, time.truncatedTo(ChronoUnit.MICROS), LastCheckIns::later);
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
        var all = new ArrayList<>(new TreeMap<>(pending).entrySet());
        for (int from = 0; from < all.size(); from += CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try {
                transaction.executeWithoutResult(status -> screens.recordCheckIns(chunk));
                // a time that moved on while writing stays for the next flush
                chunk.forEach(entry -> pending.remove(entry.getKey(), entry.getValue()));
            } catch (RuntimeException e) {
                log.warn("Could not record {} check-in times; keeping them for the next flush", chunk.size(), e);
                return;
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
