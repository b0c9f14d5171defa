package io.licencedesk.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which autovacuum workers ran while a timed part of a benchmark ran, and for how long: a worker vacuuming or
 * analysing a table beside the timed statement takes a core and I/O from it on this two-core machine, and is one
 * cause a run can differ from the next on the same code. Looks at {@code pg_stat_activity} ten times a second from
 * a thread of its own.
 */
final class AutovacuumWatch implements AutoCloseable {

    private static final long EVERY_NANOS = 100_000_000L;

    private record Seen(long at, List<String> workers) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    AutovacuumWatch(JdbcClient jdbc) {
        thread = new Thread(
                () -> {
                    while (running) {
                        List<String> workers = jdbc.sql("""
                                        select query from pg_stat_activity
                                        where backend_type = 'autovacuum worker' and query <> ''
                                        """).query(String.class).list();
                        if (!workers.isEmpty()) {
                            seen.add(new Seen(System.nanoTime(), workers));
                        }
                        try {
                            Thread.sleep(EVERY_NANOS / 1_000_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "autovacuum-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** For example "autovacuum: VACUUM public.licence_import_row 12.3 s", or "none". */
    String during(long fromNanos, long toNanos) {
        Map<String, Long> looks = new TreeMap<>();
        for (Seen look : seen) {
            if (look.at() >= fromNanos && look.at() <= toNanos) {
                look.workers().forEach(worker -> looks.merge(worker, 1L, Long::sum));
            }
        }
        if (looks.isEmpty()) {
            return "none";
        }
        return looks.entrySet().stream()
                .map(worker -> String.format("%s %.1f s", worker.getKey(), worker.getValue() * EVERY_NANOS / 1e9))
                .collect(Collectors.joining("; "));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
