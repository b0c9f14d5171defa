package io.licencedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The staff dashboard at the main list's scale (issue 12: p95 ≤ 100 ms at 1,000,000 licences). Starts the embedded
 * PostgreSQL on the main list's data directory (or {@code --pgdata}), loads it if empty as {@link MainListBenchmark}
 * does, adds invoices and check-ins ({@link DashboardBenchData}), starts the packaged application with -Xmx512m,
 * signs in as the bench owner, warms up, then times {@code GET /} (the dashboard, the console's home) one request
 * after another, measured at the client over loopback. Also printed: the server's own mean (Micrometer), and
 * PostgreSQL's execution time of each statement of one dashboard (auto_explain, median of the explained requests),
 * with the plans in target/bench/dashboard-plans.txt.
 *
 * <p>Run it with {@code bench/run-dashboard.sh}; options as {@code --name=value}: licences (1000000), clients (10000),
 * pgdata (target/bench/pgdata), screens (10000, the device benchmark's), warmup (300 requests), warmup-seconds (60:
 * the warm-up goes on until this much time has passed too), requests (200), explained (5), fresh (false).
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    private static final Pattern ACTIVE_TILE = Pattern.compile("Active licences: </span>([\\d,]+)</a>");

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        int licences = options.integer("licences", 1_000_000);
        int clients = options.integer("clients", 10_000);
        int screenCount = options.integer("screens", 10_000);
        int warmup = options.integer("warmup", 300);
        Duration warmupTime = Duration.ofSeconds(options.longNumber("warmup-seconds", 60));
        int requests = options.integer("requests", 200);
        int explained = options.integer("explained", 5);
        boolean fresh = options.flag("fresh");
        Path work = Path.of("target", "bench");
        Path dataDirectory = options.path("pgdata", work.resolve("pgdata"));
        Files.createDirectories(work);
        if (fresh) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }

        try (var postgres = BenchPostgres.start(dataDirectory, false);
                var dataSource = MainListBenchmark.dataSource(postgres)) {
            long prepareStart = System.nanoTime();
            JdbcClient jdbc = MainListBenchmark.prepare(dataSource, dataDirectory, licences, clients);
            long organisationId = ExportBenchmark.organisationId(jdbc);
            long invoices;
            try (var connection = dataSource.getConnection()) {
                DeviceBenchData.ensure(connection, screenCount);
                invoices = DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now());
                DashboardBenchData.recentCheckIns(connection);
            }
            jdbc.sql("analyze").update();
            long activeInDatabase =
                    jdbc.sql("""
                            select count(*) from licence where organisation_id = ? and not paused
                              and activated_on is not null and ends_on >= current_date
                            """).param(organisationId).query(Long.class).single();
            long tallyRows = jdbc.sql("select count(*) from licence_tally where organisation_id = ?")
                    .param(organisationId)
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "Data ready in %.1f s: %,d licences (%,d active), %,d invoices, %,d screens; licence_tally %,d rows%n",
                    (System.nanoTime() - prepareStart) / 1e9,
                    licences,
                    activeInDatabase,
                    invoices,
                    screenCount,
                    tallyRows);

            var server = MainListBenchmark.startServer(postgres.getPort(), work, "-Dspring.flyway.out-of-order=true");
            try {
                var client = new ConsoleClient("http://localhost:" + server.port());
                MainListBenchmark.awaitHealth(client, server.process());
                client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                String page = check(client, activeInDatabase);

                long warmupStart = System.nanoTime();
                int warmed = 0;
                while (warmed < warmup || System.nanoTime() - warmupStart < warmupTime.toNanos()) {
                    check(client, activeInDatabase);
                    warmed++;
                }
                System.out.printf("Warm-up: %d requests in %.1f s%n", warmed, (System.nanoTime() - warmupStart) / 1e9);

                String loadBefore = loadAverage();
                double[] serverBefore = serverTime(client);
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    var response = client.get("/");
                    nanos[i] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET / answered " + response.statusCode());
                    }
                }
                double[] serverAfter = serverTime(client);
                String loadAfter = loadAverage();

                var plans = new PlanLog(dataSource, dataDirectory);
                List<List<PlanLog.Statement>> explainedRuns = new ArrayList<>();
                plans.start();
                try {
                    plans.drain();
                    for (int i = 0; i < explained; i++) {
                        check(client, activeInDatabase);
                        explainedRuns.add(plans.drain());
                    }
                } finally {
                    plans.stop();
                }
                Files.writeString(
                        work.resolve("dashboard-plans.txt"),
                        explainedRuns.get(explainedRuns.size() - 1).stream()
                                .map(statement -> "-- " + statement.millis() + " ms\n" + statement.plan())
                                .collect(Collectors.joining("\n\n")));

                System.out.printf(
                        "%nDashboard (GET /, HTML, session), %,d licences, %,d clients, %,d invoices, %,d screens,"
                                + " PostgreSQL %s, %d cores, Java %s, %s%n",
                        licences,
                        clients,
                        invoices,
                        screenCount,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        LocalDate.now());
                System.out.printf("Load average before %s, after %s%n", loadBefore, loadAfter);
                print(nanos, serverBefore, serverAfter, page.length(), explainedRuns);
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    /** GET / must be the dashboard, and show as many active licences as the database holds. */
    static String check(ConsoleClient client, long active) throws IOException, InterruptedException {
        var response = client.get("/");
        var tile = ACTIVE_TILE.matcher(response.body());
        if (response.statusCode() != 200 || !tile.find()) {
            throw new IllegalStateException("GET / is not the dashboard: " + response.statusCode());
        }
        long shown = Long.parseLong(tile.group(1).replace(",", ""));
        if (shown != active) {
            throw new IllegalStateException(
                    "The dashboard shows " + shown + " active licences, the database " + active);
        }
        return response.body();
    }

    /** The server's seconds and count for the dashboard (recorded under / or under /dashboard, where it forwards). */
    private static double[] serverTime(ConsoleClient client) throws IOException, InterruptedException {
        double[] home = client.timeAtServer("/", BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        double[] dashboard = client.timeAtServer("/dashboard", BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
        return new double[] {home[0] + dashboard[0], home[1] + dashboard[1]};
    }

    static void print(
            long[] nanos,
            double[] serverBefore,
            double[] serverAfter,
            int pageChars,
            List<List<PlanLog.Statement>> explained) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 50);
        double p95 = percentile(sorted, 95);
        double p99 = percentile(sorted, 99);
        double count = serverAfter[1] - serverBefore[1];
        double serverMillis = count == 0 ? Double.NaN : (serverAfter[0] - serverBefore[0]) / count * 1000;
        System.out.printf(
                "%d requests, one after another: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 ≤ 100 ms: %s)%n",
                nanos.length, p50, p95, p99, sorted[sorted.length - 1] / 1e6, p95 <= 100 ? "met" : "NOT MET");
        System.out.printf(
                "Server's own mean (Micrometer, %d requests): %.1f ms; page %,d characters of HTML%n",
                (long) count, serverMillis, pageChars);
        int statements = explained.get(0).size();
        System.out.printf("PostgreSQL, each statement of one dashboard (median of %d, ms):%n", explained.size());
        double all = 0;
        for (int i = 0; i < statements; i++) {
            int index = i;
            double[] times = explained.stream()
                    .filter(run -> run.size() > index)
                    .mapToDouble(run -> run.get(index).millis())
                    .sorted()
                    .toArray();
            double median = times[times.length / 2];
            all += median;
            System.out.printf(
                    "  %8.2f  %s%n", median, firstLine(explained.get(0).get(i).plan()));
        }
        System.out.printf("  %8.2f  all %d statements%n", all, statements);
    }

    private static String firstLine(String plan) {
        var text = Pattern.compile("Query Text: (.*)").matcher(plan);
        String query = text.find() ? text.group(1) : plan.lines().findFirst().orElse("");
        query = query.replaceAll("\\s+", " ").strip();
        return query.length() > 110 ? query.substring(0, 110) + "…" : query;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
