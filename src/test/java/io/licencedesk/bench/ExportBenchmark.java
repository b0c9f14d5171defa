package io.licencedesk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The licence CSV export against PostgreSQL's own {@code psql \copy} of the same select, in one run on the same
 * database (issue 11: at most 1.5 times psql's time, the first byte within a second, flat memory with -Xmx512m).
 * Starts the embedded PostgreSQL and the packaged application as the main-list benchmark does ({@link
 * MainListBenchmark}: same data directory, same loader, -Xmx512m), signs in as the owner, warms up, then times
 * {@code rounds} rounds, each one export over HTTP into a file and one {@code psql \copy} into a file, their order
 * alternating from round to round. Memory: the server runs with {@code -XX:+ExitOnOutOfMemoryError} and a GC log;
 * reported are the heap in use before and after the exports (actuator), the heap before and after each collection
 * during the timed exports (GC log) and the process's resident size sampled from /proc during them.
 *
 * <p>Run it with {@code bench/run-export.sh}; options as {@code --name=value}: licences (1000000), clients (10000),
 * pgdata (target/bench/pgdata), psql (the PATH's, else /usr/lib/postgresql/15/bin/psql), rounds (5), warmup (3
 * filtered exports), warmup-full (2 full exports each way), fresh (false).
 */
public final class ExportBenchmark {

    private ExportBenchmark() {}

    /** The warm-up's subset: the list's search for a word in about 30% of the notes. */
    static final String FILTERED = ExportRun.FULL + "?q=" + BenchData.COMMON_WORD;

    private static final double MIB = 1024 * 1024;

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        int licences = options.integer("licences", 1_000_000);
        int clients = options.integer("clients", 10_000);
        int rounds = options.integer("rounds", 5);
        int warmup = options.integer("warmup", 3);
        int warmupFull = options.integer("warmup-full", 2);
        boolean fresh = options.flag("fresh");
        Path psql = ExportRun.findPsql(options.text("psql"))
                .orElseThrow(() -> new IllegalStateException(
                        options.has("psql")
                                ? "No executable psql at " + options.text("psql")
                                : "psql not found on the PATH nor at " + ExportRun.DEBIAN_PSQL
                                        + ": install the PostgreSQL client (apt-get install postgresql-client)"
                                        + " or give its path with --psql=/path/to/psql"));
        Path work = Path.of("target", "bench");
        Path dataDirectory = options.path("pgdata", work.resolve("pgdata"));
        Files.createDirectories(work);
        if (fresh) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
        Path gcLog = work.resolve("export-gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        Path httpFile = work.resolve("export-http.csv");
        Path psqlFile = work.resolve("export-psql.csv");

        try (EmbeddedPostgres postgres = BenchPostgres.start(dataDirectory, false);
                var dataSource = MainListBenchmark.dataSource(postgres)) {
            JdbcClient jdbc = MainListBenchmark.prepare(dataSource, dataDirectory, licences, clients);
            long organisationId = organisationId(jdbc);
            long expectedRows = jdbc.sql("select count(*) from licence where organisation_id = ?")
                    .param(organisationId)
                    .query(Long.class)
                    .single();
            var server = MainListBenchmark.startServer(
                    postgres.getPort(), work, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog);
            try {
                var client = new ConsoleClient("http://localhost:" + server.port());
                MainListBenchmark.awaitHealth(client, server.process());
                client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                var run = new ExportRun(client, psql, postgres.getPort(), organisationId);
                long heapIdle = heapUsed(client);
                System.out.printf(
                        "Server: -Xmx512m -XX:+ExitOnOutOfMemoryError, pid %d; %s at %s; %,d licences to export%n",
                        server.process().pid(), ExportRun.psqlVersion(psql), psql, expectedRows);

                long warmupStart = System.nanoTime();
                for (int i = 0; i < warmup; i++) {
                    run.http(FILTERED, httpFile);
                }
                for (int i = 0; i < warmupFull; i++) {
                    run.http(ExportRun.FULL, httpFile);
                    run.psql(psqlFile);
                }
                System.out.printf(
                        "Warm-up: %d filtered (%s) and %d full exports each way in %.1f s%n",
                        warmup, FILTERED, warmupFull, (System.nanoTime() - warmupStart) / 1e9);

                List<ExportRun.Http> https = new ArrayList<>();
                List<ExportRun.Psql> psqls = new ArrayList<>();
                var memory = new Memory(heapIdle);
                for (int round = 0; round < rounds; round++) {
                    boolean httpFirst = round % 2 == 0;
                    ExportRun.Psql byPsql = null;
                    if (!httpFirst) {
                        byPsql = run.psql(psqlFile);
                    }
                    ExportRun.Http byHttp =
                            memory.during(server.process(), gcLog, () -> run.http(ExportRun.FULL, httpFile));
                    if (httpFirst) {
                        byPsql = run.psql(psqlFile);
                    }
                    memory.heapAfter(heapUsed(client));
                    long httpRows = ExportRun.dataRows(httpFile);
                    long psqlRows = ExportRun.dataRows(psqlFile);
                    if (httpRows != expectedRows || psqlRows != expectedRows) {
                        throw new IllegalStateException("Rows: HTTP " + httpRows + ", psql " + psqlRows + ", expected "
                                + expectedRows + " (round " + (round + 1) + "; server "
                                + (server.process().isAlive() ? "up" : "stopped: see target/bench/server.log") + ")");
                    }
                    https.add(byHttp);
                    psqls.add(byPsql);
                    System.out.printf(
                            "Round %d (%s first): HTTP %.2f s (first byte %.0f ms, first row %.0f ms, %,d bytes), psql"
                                    + " %.2f s (%,d bytes), ratio %.2f×, load %s%n",
                            round + 1,
                            httpFirst ? "HTTP" : "psql",
                            byHttp.totalNanos() / 1e9,
                            byHttp.firstByteNanos() / 1e6,
                            byHttp.firstRowNanos() / 1e6,
                            byHttp.bytes(),
                            byPsql.totalNanos() / 1e9,
                            byPsql.bytes(),
                            (double) byHttp.totalNanos() / byPsql.totalNanos(),
                            loadAverage());
                }
                boolean alive = server.process().isAlive();
                boolean outOfMemory =
                        Files.readString(work.resolve("server.log")).contains("OutOfMemoryError");
                String heading = String.format(
                        "%,d licences, %,d clients, PostgreSQL %s, %d cores, %s %s, Java %s, %s, load average %s",
                        licences,
                        clients,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("java.version"),
                        LocalDate.now(),
                        loadAverage());
                System.out.printf("%nCSV export of all licences, %s%n", heading);
                print(https, psqls, expectedRows, memory, alive && !outOfMemory, rounds, System.out);
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    /** The owner's organisation: the one the export is for. */
    static long organisationId(JdbcClient jdbc) {
        return jdbc.sql("select organisation_id from app_user where email = ?")
                .param(BenchData.OWNER_EMAIL)
                .query(Long.class)
                .single();
    }

    private static long heapUsed(ConsoleClient client) throws IOException, InterruptedException {
        return client.heapUsed(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    static void print(
            List<ExportRun.Http> https,
            List<ExportRun.Psql> psqls,
            long rows,
            Memory memory,
            boolean noOutOfMemory,
            int rounds,
            PrintStream out) {
        double http = median(https.stream().mapToLong(ExportRun.Http::totalNanos)) / 1e9;
        double firstByte = median(https.stream().mapToLong(ExportRun.Http::firstByteNanos)) / 1e6;
        double maxFirstByte =
                https.stream().mapToLong(ExportRun.Http::firstByteNanos).max().orElse(0) / 1e6;
        double byPsql = median(psqls.stream().mapToLong(ExportRun.Psql::totalNanos)) / 1e9;
        out.printf(
                "%d rounds, HTTP and psql alternating first; medians (min–max). HTTP: GET %s (session, no filter, newest"
                        + " first) read to the end into a file by java.net.http; psql: \\copy (the export's select,"
                        + " joins and order) to a file, format csv, header, wall time of the subprocess.%n",
                rounds, ExportRun.FULL);
        out.printf("%-32s %12s %22s%n", "", "median", "min–max");
        out.printf(
                "%-32s %10.2f s %22s%n",
                "HTTP export, total", http, range(https.stream().mapToLong(ExportRun.Http::totalNanos), 1e9, "%.2f s"));
        out.printf(
                "%-32s %9.0f ms %22s%n",
                "HTTP export, first byte",
                firstByte,
                range(https.stream().mapToLong(ExportRun.Http::firstByteNanos), 1e6, "%.0f ms"));
        out.printf(
                "%-32s %9.0f ms %22s%n",
                "HTTP export, first row",
                median(https.stream().mapToLong(ExportRun.Http::firstRowNanos)) / 1e6,
                range(https.stream().mapToLong(ExportRun.Http::firstRowNanos), 1e6, "%.0f ms"));
        out.printf(
                "%-32s %10.2f s %22s%n",
                "psql \\copy, total",
                byPsql,
                range(psqls.stream().mapToLong(ExportRun.Psql::totalNanos), 1e9, "%.2f s"));
        out.printf(
                "%-32s %10.2f × %22s%n",
                "ratio HTTP / psql (medians)",
                http / byPsql,
                http / byPsql <= 1.5 ? "target ≤ 1.5×: met" : "target ≤ 1.5×: NOT MET");
        out.printf(
                "%-32s %9.0f ms %22s%n",
                "first byte, slowest",
                maxFirstByte,
                maxFirstByte <= 1000 ? "target ≤ 1 s: met" : "target ≤ 1 s: NOT MET");
        double maxFirstRow =
                https.stream().mapToLong(ExportRun.Http::firstRowNanos).max().orElse(0) / 1e6;
        out.printf(
                "%-32s %9.0f ms %22s%n",
                "first row, slowest", maxFirstRow, maxFirstRow <= 1000 ? "≤ 1 s" : "more than 1 s");
        out.printf(
                "Rows: %,d in every file each way. Bytes: HTTP %,d (byte order mark, CRLF, computed columns), psql %,d.%n",
                rows,
                https.get(https.size() - 1).bytes(),
                psqls.get(psqls.size() - 1).bytes());
        out.printf(
                "Memory (server -Xmx512m): heap in use %.0f MiB before the exports, %.0f MiB at most after one (actuator);"
                        + " during the timed exports %d collections, heap at most %.0f MiB before one and %.0f MiB after"
                        + " one, %.0f MiB committed at most (GC log); resident size at most %.0f MiB (/proc, every 100 ms)."
                        + " %s%n",
                memory.heapIdle / MIB,
                memory.heapAfterMax / MIB,
                memory.collections,
                memory.beforeGcMax / MIB,
                memory.afterGcMax / MIB,
                memory.committedMax / MIB,
                memory.rssMax.get() / MIB,
                noOutOfMemory
                        ? "No OutOfMemoryError: every export completed and the server is still up."
                        : "THE SERVER STOPPED OR LOGGED AN OutOfMemoryError (see target/bench/server.log).");
    }

    private static double median(java.util.stream.LongStream values) {
        long[] sorted = values.sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static String range(java.util.stream.LongStream values, double unit, String format) {
        var stats = values.summaryStatistics();
        return String.format(format, stats.getMin() / unit) + " – " + String.format(format, stats.getMax() / unit);
    }

    /** What the server's memory did during the timed HTTP exports. */
    static final class Memory {

        final long heapIdle;
        long heapAfterMax;
        int collections;
        long beforeGcMax;
        long afterGcMax;
        long committedMax;
        final AtomicLong rssMax = new AtomicLong();

        Memory(long heapIdle) {
            this.heapIdle = heapIdle;
        }

        interface Export {
            ExportRun.Http run() throws IOException, InterruptedException;
        }

        /** Runs the export while sampling the server's resident size; then reads the GC log's new lines. */
        ExportRun.Http during(Process server, Path gcLog, Export export) throws IOException, InterruptedException {
            int seen = lines(gcLog).size();
            Path status = Path.of("/proc", String.valueOf(server.pid()), "status");
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmRSS:")) {
                                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                                rssMax.accumulateAndGet(kb * 1024, Math::max);
                            }
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException | RuntimeException gone) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            try {
                return export.run();
            } finally {
                sampler.interrupt();
                sampler.join();
                List<String> all = lines(gcLog);
                for (String line : all.subList(Math.min(seen, all.size()), all.size())) {
                    var heap = GC_HEAP.matcher(line);
                    if (heap.find()) {
                        collections++;
                        beforeGcMax = Math.max(beforeGcMax, bytes(heap.group(1), heap.group(2)));
                        afterGcMax = Math.max(afterGcMax, bytes(heap.group(3), heap.group(4)));
                        committedMax = Math.max(committedMax, bytes(heap.group(5), heap.group(6)));
                    }
                }
            }
        }

        void heapAfter(long used) {
            heapAfterMax = Math.max(heapAfterMax, used);
        }

        private static List<String> lines(Path file) throws IOException {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        }

        private static long bytes(String amount, String unit) {
            long value = Long.parseLong(amount);
            return switch (unit) {
                case "K" -> value << 10;
                case "M" -> value << 20;
                default -> value << 30;
            };
        }
    }
}
