package io.licencedesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times each case over HTTP (sequential requests on one signed-in session, or with one API token, after a
 * warm-up), then asks PostgreSQL how long the same requests' statements took, and prints one line per case.
 */
final class MainListRun {

    /** What one case measured; pg figures are medians over the explained requests, NaN when not measured. */
    record Result(
            BenchCase benchCase,
            double p50,
            double p95,
            double p99,
            double pgList,
            double pgCount,
            double pgAll,
            int rows,
            int bytes,
            double server) {

        /**
         * What is not PostgreSQL's: the mean time at the server less the median of all the request's statements.
         * The server's time leaves out the benchmark's HTTP client, which shares the machine's cores.
         */
        double application() {
            return server - pgAll;
        }
    }

    /** The first page's body at two page sizes, to tell the weight of a row from the page around it. */
    record Weight(int rows, int bytes, int moreRows, int moreBytes) {

        double perRow() {
            return (moreBytes - bytes) / (double) (moreRows - rows);
        }
    }

    static final int MORE_ROWS = 100;

    /** The console's target for the list, which the API's list must meet too (issue 10). */
    static final int TARGET_P95_MILLIS = 50;

    private final ListSurface surface;
    private final ConsoleClient owner;
    private final PlanLog plans;
    private final Path planDirectory;

    /** The console's list, on the signed-in client's session. */
    MainListRun(ConsoleClient client, PlanLog plans, Path planDirectory) {
        this(ListSurface.console(client), client, plans, planDirectory);
    }

    /**
     * @param surface where the list is asked for
     * @param owner the signed-in owner's console client, which reads the server's own times from the actuator
     */
    MainListRun(ListSurface surface, ConsoleClient owner, PlanLog plans, Path planDirectory) {
        this.surface = surface;
        this.owner = owner;
        this.plans = plans;
        this.planDirectory = planDirectory;
    }

    ListSurface surface() {
        return surface;
    }

    /** The page's coupon codes in order; fails on anything but 200. */
    List<String> codes(BenchCase benchCase) throws IOException, InterruptedException {
        return surface.codes(body(benchCase));
    }

    /** The page's body; fails on anything but 200. */
    String body(BenchCase benchCase) throws IOException, InterruptedException {
        var response = surface.get(surface.path(benchCase, BenchCase.PAGE_SIZE));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    surface.name() + ": " + benchCase.name() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The first page at 25 and at 100 rows (bytes as sent without compression). */
    Weight weight(BenchCase benchCase) throws IOException, InterruptedException {
        String page = body(benchCase);
        String more = surface.get(surface.path(benchCase, MORE_ROWS)).body();
        return new Weight(
                surface.codes(page).size(),
                utf8Length(page),
                surface.codes(more).size(),
                utf8Length(more));
    }

    private double[] serverTime() throws IOException, InterruptedException {
        return owner.timeAtServer(surface.serverUri(), BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
    }

    /**
     * Warms several runs up together, a round of every case on each in turn, for a number of rounds and a time, so
     * that neither pays for the server's JIT: on two cores its compilers are busy for about three minutes of load
     * (docs/benchmarks.md).
     */
    static void warmUp(List<MainListRun> runs, List<BenchCase> cases, int rounds, Duration time)
            throws IOException, InterruptedException {
        long warmUntil = System.nanoTime() + time.toNanos();
        for (int round = 0; round < rounds || System.nanoTime() < warmUntil; round++) {
            for (MainListRun run : runs) {
                for (BenchCase benchCase : cases) {
                    run.codes(benchCase);
                }
            }
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    List<Result> run(List<BenchCase> cases, int warmUpRounds, Duration warmUpTime, int requests, int explained)
            throws IOException, InterruptedException, java.sql.SQLException {
        List<Result> results = new ArrayList<>();
        warmUp(List.of(this), cases, warmUpRounds, warmUpTime);
        for (BenchCase benchCase : cases) {
            String page = body(benchCase);
            int rows = surface.codes(page).size();
            String path = surface.path(benchCase, BenchCase.PAGE_SIZE);
            double[] millis = new double[requests];
            double[] before = serverTime();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                var response = surface.get(path);
                millis[i] = (System.nanoTime() - start) / 1e6;
                // checked after the clock stops: reading the page's codes is the benchmark's work, not the server's
                if (response.statusCode() != 200
                        || surface.codes(response.body()).size() != rows) {
                    throw new IllegalStateException(
                            surface.name() + ": " + benchCase.name() + " answered differently while timed");
                }
            }
            double[] after = serverTime();
            Arrays.sort(millis);
            results.add(new Result(
                    benchCase,
                    rank(millis, 50),
                    rank(millis, 95),
                    rank(millis, 99),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    rows,
                    utf8Length(page),
                    (after[0] - before[0]) * 1000 / (after[1] - before[1])));
        }
        return plans == null || explained == 0 ? results : explain(results, explained);
    }

    /** Runs each case again with auto_explain on, and adds PostgreSQL's own execution times. */
    private List<Result> explain(List<Result> timed, int explained)
            throws IOException, InterruptedException, java.sql.SQLException {
        Files.createDirectories(planDirectory);
        List<Result> results = new ArrayList<>();
        plans.start();
        try {
            plans.drain();
            int n = 0;
            for (Result result : timed) {
                double[] list = new double[explained];
                double[] count = new double[explained];
                double[] all = new double[explained];
                StringBuilder planText = new StringBuilder();
                for (int i = 0; i < explained; i++) {
                    codes(result.benchCase());
                    for (PlanLog.Statement statement : plans.drain()) {
                        all[i] += statement.millis();
                        list[i] += statement.isList() ? statement.millis() : 0;
                        count[i] += statement.isCount() ? statement.millis() : 0;
                        if (i == explained - 1) {
                            planText.append(String.format(
                                    Locale.ROOT, "-- %.3f ms%n%s%n%n", statement.millis(), statement.plan()));
                        }
                    }
                }
                Files.writeString(
                        planDirectory.resolve(String.format(
                                Locale.ROOT,
                                "%02d-%s.txt",
                                ++n,
                                result.benchCase().name().replaceAll("[^a-zA-Z0-9]+", "-"))),
                        surface.path(result.benchCase(), BenchCase.PAGE_SIZE) + "\n\n" + planText);
                results.add(new Result(
                        result.benchCase(),
                        result.p50(),
                        result.p95(),
                        result.p99(),
                        median(list),
                        median(count),
                        median(all),
                        result.rows(),
                        result.bytes(),
                        result.server()));
            }
        } finally {
            plans.stop();
        }
        return results;
    }

    static void print(List<Result> results, Weight weight, PrintStream out) {
        print(results, weight, "HTML", out);
    }

    /** @param format what the page's body is (HTML, JSON), for the notes under the table */
    static void print(List<Result> results, Weight weight, String format, PrintStream out) {
        Result firstPage = results.stream()
                .filter(r -> r.benchCase().name().equals(BenchCases.FIRST_PAGE))
                .findFirst()
                .orElse(null);
        double first = firstPage == null ? Double.NaN : firstPage.p50();
        out.printf(
                Locale.ROOT,
                "%-32s %8s %8s %8s %9s %9s %9s %9s %8s %8s %5s %7s%n",
                "case",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "p95/1st",
                "pg list",
                "pg count",
                "pg all",
                "srv ms",
                "app ms",
                "rows",
                "KB");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-32s %8.1f %8.1f %8.1f %8.1fx %9.2f %9.2f %9.2f %8.1f %8.1f %5d %7.1f%n",
                    r.benchCase().name(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.p95() / first,
                    r.pgList(),
                    r.pgCount(),
                    r.pgAll(),
                    r.server(),
                    r.application(),
                    r.rows(),
                    r.bytes() / 1024.0);
        }
        out.println("p95/1st: p95 of the case over the median (p50) of the first page. pg list / pg count / pg all:"
                + " PostgreSQL's EXPLAIN ANALYZE execution time (auto_explain) of the list query, the capped count"
                + " and all statements of one request (median of the explained requests). srv ms: the server's own"
                + " mean time for the timed requests (Micrometer). app ms: srv ms less pg all, the application's"
                + " share (with the JDBC round trips). KB: the page's " + format + ", uncompressed.");
        results.stream()
                .max(java.util.Comparator.comparingDouble(Result::p95))
                .ifPresent(slowest -> out.printf(
                        Locale.ROOT,
                        "Highest p95: %.1f ms (%s); target p95 ≤ %d ms for every case: %s.%n",
                        slowest.p95(),
                        slowest.benchCase().name(),
                        TARGET_P95_MILLIS,
                        slowest.p95() <= TARGET_P95_MILLIS ? "met" : "NOT met"));
        if (firstPage != null) {
            out.printf(
                    Locale.ROOT,
                    "First page: p50 %.1f ms at the client; %.1f ms at the server (mean), of which PostgreSQL %.2f ms"
                            + " and the application %.1f ms.%n",
                    firstPage.p50(),
                    firstPage.server(),
                    firstPage.pgAll(),
                    firstPage.application());
        }
        results.stream()
                .filter(r -> r.benchCase().name().equals(BenchCases.FIRST_PAGE_AGAIN))
                .findFirst()
                .ifPresent(again -> out.printf(
                        Locale.ROOT,
                        "First page again, after every other case: p50 %.1f ms at the client; %.1f ms at the server"
                                + " (mean), of which PostgreSQL %.2f ms and the application %.1f ms.%n",
                        again.p50(),
                        again.server(),
                        again.pgAll(),
                        again.application()));
        if (weight != null) {
            out.printf(
                    Locale.ROOT,
                    "%s: %,d bytes for %d rows, %,d bytes for %d rows: %,.0f bytes per row.%n",
                    format,
                    weight.bytes(),
                    weight.rows(),
                    weight.moreBytes(),
                    weight.moreRows(),
                    weight.perRow());
        }
    }

    static double rank(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
