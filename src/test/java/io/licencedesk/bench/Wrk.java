package io.licencedesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (a separate process, as a real load generator) and reads its summary. */
final class Wrk {

    /** What one wrk run measured; latencies in milliseconds. */
    record Result(
            String name,
            double requestsPerSecond,
            long requests,
            double p50,
            double p90,
            double p99,
            double max,
            long non2xx,
            String socketErrors,
            String output) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");
    private static final Pattern MAX = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+\\w+)");

    private Wrk() {}

    static Result run(String name, String url, int threads, int connections, int seconds, String... script)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "5s"));
        if (script.length > 0) {
            command.add("-s");
            command.add(script[0]);
        }
        command.add(url);
        if (script.length > 1) {
            command.add("--");
            command.addAll(List.of(script).subList(1, script.length));
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return new Result(
                name,
                Double.parseDouble(find(RATE, output, "0")),
                Long.parseLong(find(TOTAL, output, "0")),
                percentile(output, "50%"),
                percentile(output, "90%"),
                percentile(output, "99%"),
                millis(find(MAX, output, "0ms")),
                Long.parseLong(find(NON_2XX, output, "0")),
                find(SOCKET_ERRORS, output, "none"),
                output);
    }

    static String header() {
        return String.format(
                "%-28s %10s %10s %8s %8s %8s %8s %8s  %s",
                "endpoint", "req/s", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-2xx", "socket errors");
    }

    static String row(Result result) {
        return String.format(
                "%-28s %10.0f %10d %8.2f %8.2f %8.2f %8.1f %8d  %s",
                result.name(),
                result.requestsPerSecond(),
                result.requests(),
                result.p50(),
                result.p90(),
                result.p99(),
                result.max(),
                result.non2xx(),
                result.socketErrors());
    }

    private static double percentile(String output, String label) {
        Matcher matcher = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+\\w+)\\s*$", Pattern.MULTILINE)
                .matcher(output);
        return matcher.find() ? millis(matcher.group(1)) : Double.NaN;
    }

    /** wrk prints 850.00us, 1.23ms, 2.01s or 1.00m. */
    static double millis(String value) {
        Matcher matcher = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(value);
        if (!matcher.matches()) {
            return Double.NaN;
        }
        double number = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            default -> number * 60_000;
        };
    }

    private static String find(Pattern pattern, String output, String otherwise) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
