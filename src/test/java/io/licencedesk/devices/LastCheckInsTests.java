package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** Check-in times are kept in memory and written in ordered chunks; a failed write loses nothing. */
class LastCheckInsTests {

    static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    /** Records what would have been written, chunk by chunk, or fails while told to. */
    static class RecordingScreens extends ScreenRepository {

        final List<List<Map.Entry<Long, Instant>>> chunks = new ArrayList<>();
        boolean failing;

        RecordingScreens() {
            super(null, null);
        }

        @Override
        void recordCheckIns(List<Map.Entry<Long, Instant>> times) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            chunks.add(List.copyOf(times));
        }
    }

    /** Transactions that only run their callback (no database here). */
    static class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }

    RecordingScreens screens = new RecordingScreens();
    LastCheckIns lastCheckIns = new LastCheckIns(screens, new NoTransactions());

    static Screen screen(long id, Instant lastCheckIn) {
        return new Screen(id, 1, "Screen " + id, true, "device-" + id, T0, lastCheckIn, T0);
    }

    @Test
    void keepsTimesToTheMicrosecondAsTheDatabaseDoes() {
        lastCheckIns.record(7, T0.plusNanos(123_456_789));

        assertThat(lastCheckIns.overlay(screen(7, null)).lastCheckInAt()).isEqualTo(T0.plusNanos(123_456_000));
        lastCheckIns.flush();
        assertThat(screens.chunks.get(0).get(0).getValue()).isEqualTo(T0.plusNanos(123_456_000));
    }

    @Test
    void writesEveryPendingTimeOnceInChunksInScreenIdOrder() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 2_500; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids);
        ids.forEach(id -> lastCheckIns.record(id, T0.plusSeconds(id)));

        lastCheckIns.flush();
        lastCheckIns.flush();

        assertThat(screens.chunks).extracting(List::size).containsExactly(1_000, 1_000, 500);
        List<Long> written = screens.chunks.stream()
                .flatMap(List::stream)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(written).hasSize(2_500).isSorted();
        assertThat(screens.chunks.get(2).get(499)).isEqualTo(Map.entry(2_500L, T0.plusSeconds(2_500)));
    }

    @Test
    void keepsTheLatestTimeOfAScreen() {
        lastCheckIns.record(7, T0.plusSeconds(60));
        lastCheckIns.record(7, T0);

        lastCheckIns.flush();

        assertThat(screens.chunks).containsExactly(List.of(Map.entry(7L, T0.plusSeconds(60))));
    }

    @Test
    void keepsTimesAWriteFailedForTheNextFlush() {
        lastCheckIns.record(7, T0);
        screens.failing = true;

        lastCheckIns.flush();

        assertThat(screens.chunks).isEmpty();
        assertThat(lastCheckIns.overlay(screen(7, null)).lastCheckInAt()).isEqualTo(T0);
        screens.failing = false;
        lastCheckIns.flush();
        assertThat(screens.chunks).containsExactly(List.of(Map.entry(7L, T0)));
    }

    @Test
    void showsAPendingTimeOnlyWhenItIsNewerThanTheStoredOne() {
        lastCheckIns.record(7, T0);

        assertThat(lastCheckIns.overlay(screen(7, null)).lastCheckInAt()).isEqualTo(T0);
        assertThat(lastCheckIns.overlay(screen(7, T0.plusSeconds(5))).lastCheckInAt())
                .isEqualTo(T0.plusSeconds(5));
        assertThat(lastCheckIns.overlay(screen(8, null)).lastCheckInAt()).isNull();
    }
}
