package io.licencedesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Times each case over HTTP (sequential requests on one signed-in session, after a warm-up), then asks
 * PostgreSQL how long the same requests' statements took, and prints one line per case.
 */
final class MainListRun {

    private static final Pattern CODE = Pattern.compile("data-copy=\"([A-Z0-9]{8})\"");

    /** What one case measured; pg figures are medians over the explained requests, NaN when not measured. */
    record Result(
            BenchCase benchCase,
            double p50,
            double p95,
            double p99,
            double pgList,
            double pgCount,
            double pgAll,
            int rows) {}

    private final ConsoleClient client;
    private final PlanLog plans;
    private final Path planDirectory;

    MainListRun(ConsoleClient client, PlanLog plans, Path planDirectory) {
        this.client = client;
        this.plans = plans;
        this.planDirectory = planDirectory;
    }

    /** The page's coupon codes in order; fails on anything but 200. */
    List<String> codes(BenchCase benchCase) throws IOException, InterruptedException {
        var response = client.get(benchCase.path());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(benchCase.name() + " answered " + response.statusCode());
        }
        return CODE.matcher(response.body()).results().map(m -> m.group(1)).toList();
    }

    String body(BenchCase benchCase) throws IOException, InterruptedException {
        return client.get(benchCase.path()).body();
    }

    List<Result> run(List<BenchCase> cases, int warmUp, int requests, int explained)
            throws IOException, InterruptedException, java.sql.SQLException {
        List<Result> results = new ArrayList<>();
        // warm every case up first, so the first one timed does not pay for the server's JIT
        for (int i = 0; i < warmUp; i++) {
            for (BenchCase benchCase : cases) {
                codes(benchCase);
            }
        }
        for (BenchCase benchCase : cases) {
            int rows = codes(benchCase).size();
            double[] millis = new double[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                codes(benchCase);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            results.add(new Result(
                    benchCase,
                    rank(millis, 50),
                    rank(millis, 95),
                    rank(millis, 99),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    rows));
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
                        result.benchCase().path() + "\n\n" + planText);
                results.add(new Result(
                        result.benchCase(),
                        result.p50(),
                        result.p95(),
                        result.p99(),
                        median(list),
                        median(count),
                        median(all),
                        result.rows()));
            }
        } finally {
            plans.stop();
        }
        return results;
    }

    static void print(List<Result> results, PrintStream out) {
        double first = results.stream()
                .filter(r -> r.benchCase().name().equals(BenchCases.FIRST_PAGE))
                .mapToDouble(Result::p50)
                .findFirst()
                .orElse(Double.NaN);
        out.printf(
                Locale.ROOT,
                "%-32s %8s %8s %8s %9s %9s %9s %9s %5s%n",
                "case",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "p95/1st",
                "pg list",
                "pg count",
                "pg all",
                "rows");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-32s %8.1f %8.1f %8.1f %8.1fx %9.2f %9.2f %9.2f %5d%n",
                    r.benchCase().name(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.p95() / first,
                    r.pgList(),
                    r.pgCount(),
                    r.pgAll(),
                    r.rows());
        }
        out.println("p95/1st: p95 of the case over the median (p50) of the first page. pg list / pg count / pg all:"
                + " PostgreSQL's EXPLAIN ANALYZE execution time (auto_explain) of the list query, the capped count"
                + " and all statements of one request (median of the explained requests).");
    }

    private static double rank(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
