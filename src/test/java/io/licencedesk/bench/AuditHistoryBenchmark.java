package io.licencedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * A client's history at size (decisions 0146 and 0150): the console's client page, whose History card lists the
 * newest 25 entries about the client's account, licences and invoices, and the audit log filtered to everything about
 * the client, its first page, a page ten pages back and its last page. On the main list's data at {@code licences}
 * licences and {@code clients} clients, with {@link AuditHistoryBenchData}'s big client, client without entries, big
 * client whose entries are all old and audit log of about {@code entries} rows, in its own data directory. Starts the packaged application with -Xmx512m,
 * signs in as the bench owner, warms up, then times each case one request after another at the client over loopback,
 * and reads PostgreSQL's execution time of every statement of a request back from auto_explain (median of the
 * explained requests); the plans go to target/bench/audit-history-plans/.
 *
 * <p>Run it with {@code bench/run-audit-history.sh}; options as {@code --name=value}: licences (200000), clients
 * (10000), entries (1000000), pgdata (target/bench/audit-pgdata), warmup-seconds (20), requests (20), explained (3),
 * fresh (false).
 */
public final class AuditHistoryBenchmark {

    private static final Pattern OLDER = Pattern.compile("rel=\"next\"\\s+href=\"[^\"]*after=(\\d+)\"");

    /** One timed case: a name and the console's address. */
    record Case(String name, String address) {}

    /** What one case measured: client-side times, and per explained request its statements. */
    record Result(Case benchCase, long[] nanos, List<List<PlanLog.Statement>> explained) {}

    private AuditHistoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = BenchOptions.of(args);
        int licences = options.integer("licences", 200_000);
        int clients = options.integer("clients", 10_000);
        int entries = options.integer("entries", 1_000_000);
        int warmupSeconds = options.integer("warmup-seconds", 20);
        int requests = options.integer("requests", 20);
        int explained = options.integer("explained", 3);
        Path work = Path.of("target", "bench");
        Path dataDirectory = options.path("pgdata", work.resolve("audit-pgdata"));
        Files.createDirectories(work);
        if (options.flag("fresh")) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }

        try (var postgres = BenchPostgres.start(dataDirectory, false);
                var dataSource = MainListBenchmark.dataSource(postgres)) {
            long prepareStart = System.nanoTime();
            JdbcClient jdbc = MainListBenchmark.prepare(dataSource, dataDirectory, licences, clients);
            long organisationId = ExportBenchmark.organisationId(jdbc);
            long big = AuditHistoryBenchData.ensureBigClient(
                    jdbc, organisationId, AuditHistoryBenchData.BIG_CLIENT_LICENCES);
            try (var connection = dataSource.getConnection()) {
                DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now());
            }
            long logged = AuditHistoryBenchData.ensureEntries(jdbc, organisationId, entries);
            var shapes =
                    AuditHistoryBenchData.clients(jdbc, organisationId, big, AuditHistoryBenchData.OLD_CLIENT_LICENCES);
            // as autovacuum leaves a table between bursts of writes: visibility map set, statistics fresh
            for (String table : List.of("audit_event", "licence", "invoice", "app_user")) {
                jdbc.sql("vacuum (analyze) " + table).update();
            }
            System.out.printf(
                    "Data ready in %.1f s: %,d licences, %,d clients, %,d audit entries (table %s with indexes)%n",
                    (System.nanoTime() - prepareStart) / 1e9,
                    licences,
                    clients,
                    logged,
                    jdbc.sql("select pg_size_pretty(pg_total_relation_size('audit_event'))")
                            .query(String.class)
                            .single());
            describe(jdbc, shapes);

            var server = MainListBenchmark.startServer(postgres.getPort(), work, "-Dspring.flyway.out-of-order=true");
            try {
                var console = new ConsoleClient("http://localhost:" + server.port());
                MainListBenchmark.awaitHealth(console, server.process());
                console.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                List<Case> cases = cases(console, shapes);

                long warmupStart = System.nanoTime();
                int rounds = 0;
                while (rounds < 3 || System.nanoTime() - warmupStart < warmupSeconds * 1_000_000_000L) {
                    for (Case each : cases) {
                        once(console, each);
                    }
                    rounds++;
                }
                System.out.printf("Warm-up: %d rounds in %.1f s%n", rounds, (System.nanoTime() - warmupStart) / 1e9);

                String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
                var plans = new PlanLog(dataSource, dataDirectory);
                List<Result> results = new ArrayList<>();
                for (Case each : cases) {
                    results.add(measure(console, each, requests, plans, explained));
                }
                String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
                writePlans(results, work.resolve("audit-history-plans"));
                System.out.printf(
                        "%nA client's history, %,d audit entries, %,d licences, %,d clients, PostgreSQL %s, %d cores,"
                                + " Java %s, %s%n",
                        logged,
                        licences,
                        clients,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        LocalDate.now());
                System.out.printf("Load average before %s, after %s%n", loadBefore, loadAfter);
                print(results);
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    /** What each client has: licences, invoices and entries about them (as the history counts them). */
    private static void describe(JdbcClient jdbc, AuditHistoryBenchData.Clients shapes) {
        for (var client : List.of(
                List.of("small", shapes.small()),
                List.of("big", shapes.big()),
                List.of("no entries", shapes.empty()),
                List.of("big, old", shapes.old()))) {
            long id = (Long) client.get(1);
            var row = jdbc.sql("""
                            select (select count(*) from licence where client_id = :id),
                                   (select count(*) from invoice where client_id = :id),
                                   (select count(*) from audit_event e join licence l on l.id = e.subject_id
                                    where e.subject_type = 'LICENCE' and l.client_id = :id)
                                 + (select count(*) from audit_event e join invoice i on i.id = e.subject_id
                                    where e.subject_type = 'INVOICE' and i.client_id = :id)
                                 + (select count(*) from audit_event where subject_type in ('CLIENT', 'USER')
                                    and subject_id = :id and action not in ('SIGNED_IN', 'SIGN_IN_FAILED')),
                                   (select max(occurred_at)::date from audit_event e join licence l on l.id = e.subject_id
                                    where e.subject_type = 'LICENCE' and l.client_id = :id)
                            """)
                    .param("id", id)
                    .query((rs, n) -> "%,d licences, %,d invoices, %,d entries about them, newest licence entry %s"
                            .formatted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                    .single();
            System.out.printf("  client %s (#%d): %s%n", client.get(0), id, row);
        }
    }

    /** Each client's page and log; the big client's log also ten pages back (following "Older") and its last page. */
    static List<Case> cases(ConsoleClient console, AuditHistoryBenchData.Clients shapes)
            throws IOException, InterruptedException {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("client page, small", "/clients/" + shapes.small()));
        cases.add(new Case("client page, big", "/clients/" + shapes.big()));
        cases.add(new Case("client page, no entries", "/clients/" + shapes.empty()));
        cases.add(new Case("client page, big, old", "/clients/" + shapes.old()));
        cases.add(new Case("audit log, small", "/audit?client=" + shapes.small()));
        cases.add(new Case("audit log, big", "/audit?client=" + shapes.big()));
        cases.add(new Case("audit log, no entries", "/audit?client=" + shapes.empty()));
        cases.add(new Case("audit log, big, old", "/audit?client=" + shapes.old()));
        String address = "/audit?client=" + shapes.big();
        for (int page = 1; page < 10; page++) {
            var older = OLDER.matcher(console.get(address).body());
            if (!older.find()) {
                break;
            }
            address = "/audit?client=" + shapes.big() + "&after=" + older.group(1);
        }
        cases.add(new Case("audit log, big, page 10", address));
        cases.add(new Case("audit log, big, last page", "/audit?client=" + shapes.big() + "&last=true"));
        return cases;
    }

    static void once(ConsoleClient console, Case each) throws IOException, InterruptedException {
        var response = console.get(each.address());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(each.address() + " answered " + response.statusCode());
        }
    }

    private static Result measure(ConsoleClient console, Case each, int requests, PlanLog plans, int explained)
            throws Exception {
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            once(console, each);
            nanos[i] = System.nanoTime() - start;
        }
        List<List<PlanLog.Statement>> runs = new ArrayList<>();
        plans.start();
        try {
            plans.drain();
            for (int i = 0; i < explained; i++) {
                once(console, each);
                runs.add(plans.drain());
            }
        } finally {
            plans.stop();
        }
        return new Result(each, nanos, runs);
    }

    private static void print(List<Result> results) {
        System.out.printf(
                "%-28s %8s %8s %8s %9s %10s  %s%n",
                "case", "p50 ms", "p95 ms", "max ms", "pg all", "pg history", "its first line");
        for (Result result : results) {
            long[] sorted = result.nanos().clone();
            Arrays.sort(sorted);
            double[] all = result.explained().stream()
                    .mapToDouble(run ->
                            run.stream().mapToDouble(PlanLog.Statement::millis).sum())
                    .sorted()
                    .toArray();
            var history = result.explained().isEmpty()
                    ? null
                    : history(result.explained().get(result.explained().size() - 1));
            System.out.printf(
                    "%-28s %8.1f %8.1f %8.1f %9s %10s  %s%n",
                    result.benchCase().name(),
                    InvoiceListBenchmark.percentile(sorted, 50),
                    InvoiceListBenchmark.percentile(sorted, 95),
                    sorted[sorted.length - 1] / 1e6,
                    all.length == 0 ? "" : "%.2f".formatted(all[all.length / 2]),
                    history == null ? "" : "%.2f".formatted(history.millis()),
                    history == null ? "" : InvoiceListBenchmark.firstLine(history.plan()));
        }
        System.out.printf(
                "Target p95 ≤ %d ms at the server. pg all: PostgreSQL's execution time (auto_explain with ANALYZE) of"
                        + " every statement of one request, median of the explained requests; pg history: the slowest"
                        + " statement reading audit_event in the last explained request.%n",
                InvoiceListBenchmark.TARGET_P95_MILLIS);
    }

    /** The request's slowest statement that reads the audit log. */
    private static PlanLog.Statement history(List<PlanLog.Statement> run) {
        return run.stream()
                .filter(statement -> statement.plan().contains("audit_event"))
                .max((a, b) -> Double.compare(a.millis(), b.millis()))
                .orElse(null);
    }

    private static void writePlans(List<Result> results, Path directory) throws IOException {
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        int n = 0;
        for (Result result : results) {
            n++;
            if (result.explained().isEmpty()) {
                continue;
            }
            var last = result.explained().get(result.explained().size() - 1);
            Files.writeString(
                    directory.resolve(
                            "%02d-%s.txt".formatted(n, result.benchCase().name().replaceAll("[^A-Za-z0-9]+", "-"))),
                    last.stream()
                            .map(statement -> "-- " + statement.millis() + " ms\n" + statement.plan())
                            .collect(Collectors.joining("\n\n")));
        }
    }
}
