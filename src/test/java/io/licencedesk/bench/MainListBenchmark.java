package io.licencedesk.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.support.TestKeyEncryptionKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The main-list benchmark: starts an embedded PostgreSQL under target/bench, loads the data (or reuses it
 * when the same size is already there), starts the packaged application in its own JVM with -Xmx512m,
 * signs in, makes an API token on the console's token page, and times every case twice — the console's page on the
 * session, then the REST API's {@code GET /api/v1/licences} with the token — and then a token against a session on
 * the same search ({@link TokenVsSession}). Run it with {@code bench/run.sh}; options as {@code --name=value}:
 * licences (1000000), clients (10000), warmup (30 rounds over all cases of both), warmup-seconds (180: the rounds go
 * on until this much time has passed too), requests (200), explained (5), auth-requests (2000 of each, after as many
 * to warm up), fresh (false).
 */
public final class MainListBenchmark {

    private MainListBenchmark() {}

    /** The API's per-token limit (600 a minute by default) would stop the benchmark within seconds. */
    static final String RATE_LIMIT_OPTION = "--licencedesk.api.rate-limit=1000000";

    /**
     * The renewal cycle waits a day before its first pass. The generated data has a backlog no real organisation
     * has: a third of the active licences end within 30 days and none has had its notice, so a first pass would write
     * hundreds of thousands of notices and e-mails while the pages are timed (it did, at 10,000,000 licences).
     */
    static final String NO_RENEWAL_CYCLE_OPTION = "--licencedesk.renewals.delay=P1D";

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        int licences = options.integer("licences", 1_000_000);
        int clients = options.integer("clients", 10_000);
        boolean fresh = options.flag("fresh");
        Path work = Path.of("target", "bench");
        Path dataDirectory = work.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(work);
        if (fresh) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }

        try (EmbeddedPostgres postgres = BenchPostgres.start(dataDirectory, false);
                HikariDataSource dataSource = dataSource(postgres)) {
            var jdbc = prepare(dataSource, dataDirectory, licences, clients);
            printSizes(jdbc);
            List<BenchCase> cases = cases(jdbc, licences);
            Server server = startServer(postgres.getPort(), work);
            try {
                String base = "http://localhost:" + server.port();
                var client = new ConsoleClient(base);
                awaitHealth(client, server.process());
                client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                var api = new ApiClient(base, client.makeApiToken("bench " + java.time.Instant.now()));
                var plans = new PlanLog(dataSource, dataDirectory);
                var consoleRun = new MainListRun(ListSurface.console(client), client, plans, work.resolve("plans"));
                var apiRun = new MainListRun(ListSurface.api(api), client, plans, work.resolve("plans-api"));
                var timed = new java.util.ArrayList<>(cases);
                timed.add(BenchCases.again(cases.get(0)));
                int requests = options.integer("requests", 200);
                int explained = options.integer("explained", 5);
                int authRequests = options.integer("auth-requests", 2000);
                System.out.printf(
                        "Server: -Xmx512m, %s (the API's per-token rate limit, 600 a minute by default, raised for"
                                + " the benchmark), %s (no renewal cycle while timing).%n",
                        RATE_LIMIT_OPTION, NO_RENEWAL_CYCLE_OPTION);
                // Both surfaces warm up together, so that neither is timed while the JIT still works on the other.
                MainListRun.warmUp(
                        List.of(consoleRun, apiRun),
                        timed,
                        options.integer("warmup", 30),
                        Duration.ofSeconds(options.longNumber("warmup-seconds", 180)));
                var consoleResults = consoleRun.run(timed, 0, Duration.ZERO, requests, explained);
                var consoleWeight = consoleRun.weight(cases.get(0));
                var apiResults = apiRun.run(timed, 0, Duration.ZERO, requests, explained);
                var apiWeight = apiRun.weight(cases.get(0));
                var pair = new TokenVsSession(client, api, plans, clientEmail(jdbc));
                var auth = pair.run(authRequests, authRequests, explained);
                String heading = String.format(
                        "%,d licences, %,d clients, PostgreSQL %s, %d cores, %s, load average %s",
                        licences,
                        clients,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        LocalDate.now(),
                        Files.readString(Path.of("/proc/loadavg")).trim());
                System.out.printf("%nMain list (console, HTML, session), %s%n", heading);
                MainListRun.print(consoleResults, consoleWeight, System.out);
                System.out.printf("%nMain list (REST API, GET /api/v1/licences, JSON, bearer token), %s%n", heading);
                System.out.println(
                        "API pages: limit=25 with the console's filters, search and sort. Deep page: after= the"
                                + " cursor of row 90% (the nextCursor a walk hands out there). Last page: the API has no"
                                + " last-page shortcut; timed is the last request of a walk from the first page, after= the"
                                + " walk's last nextCursor. pg all includes the token's look-up.");
                MainListRun.print(apiResults, apiWeight, "JSON", System.out);
                TokenVsSession.print(auth, authRequests, System.out);
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    /**
     * Migrates the database, loads {@code licences} licences unless exactly that many are there already (an empty
     * database is loaded, any other count refused), and analyzes it.
     */
    static JdbcClient prepare(HikariDataSource dataSource, Path dataDirectory, int licences, int clients)
            throws java.sql.SQLException, IOException {
        BenchPostgres.migrate(dataSource);
        var jdbc = JdbcClient.create(dataSource);
        long present =
                jdbc.sql("select count(*) from licence").query(Long.class).single();
        if (present != licences) {
            if (present != 0) {
                throw new IllegalStateException(
                        present + " licences already in " + dataDirectory + "; run with --fresh to regenerate");
            }
            long start = System.nanoTime();
            try (var connection = dataSource.getConnection()) {
                new BenchData(42, LocalDate.now()).load(connection, licences, clients, false);
            }
            System.out.printf(
                    "Loaded %,d licences and %,d clients in %.1f s%n",
                    licences, clients, (System.nanoTime() - start) / 1e9);
        }
        jdbc.sql("analyze").update();
        return jdbc;
    }

    /**
     * What the data takes on disk: the whole database, the licence table (heap, then with its indexes and TOAST)
     * and each of its indexes, largest first. Read after {@code analyze}, so the figures are the loaded state.
     */
    static void printSizes(JdbcClient jdbc) {
        System.out.printf(
                "Sizes: database %s; licence table %s, with indexes and TOAST %s%n",
                jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))")
                        .query(String.class)
                        .single(),
                jdbc.sql("select pg_size_pretty(pg_relation_size('licence'))")
                        .query(String.class)
                        .single(),
                jdbc.sql("select pg_size_pretty(pg_total_relation_size('licence'))")
                        .query(String.class)
                        .single());
        jdbc.sql("select c.relname, pg_size_pretty(pg_relation_size(c.oid)) from pg_index i"
                        + " join pg_class c on c.oid = i.indexrelid where i.indrelid = 'licence'::regclass"
                        + " order by pg_relation_size(c.oid) desc")
                .query((row, n) -> "  index " + row.getString(1) + ": " + row.getString(2))
                .list()
                .forEach(System.out::println);
    }

    /** The application under test, in its own JVM. */
    record Server(Process process, int port) {}

    private static List<BenchCase> cases(JdbcClient jdbc, int licences) {
        long organisationId = jdbc.sql("select id from organisation where name = 'Bench Signage Ltd'")
                .query(Long.class)
                .single();
        long busiest = jdbc.sql("select client_id from licence where client_id is not null group by client_id"
                        + " order by count(*) desc limit 1")
                .query(Long.class)
                .single();
        long deepId = jdbc.sql("select id from licence where organisation_id = ? order by id desc offset ? limit 1")
                .params(organisationId, licences * 9 / 10)
                .query(Long.class)
                .single();
        long lastPageAfterId = jdbc.sql(
                        "select id from licence where organisation_id = ? order by id desc offset ? limit 1")
                .params(organisationId, BenchCases.lastPageStart(licences) - 1)
                .query(Long.class)
                .single();
        String someCode = jdbc.sql("select coupon_code from licence where id = ?")
                .param(deepId)
                .query(String.class)
                .single();
        var loaded = new BenchData.Loaded(organisationId, busiest, LocalDate.now(), List.of(), Map.of());
        return BenchCases.of(loaded, deepId, lastPageAfterId, someCode);
    }

    /** The client the token-vs-session search looks for: one e-mail, one client. */
    static String clientEmail(JdbcClient jdbc) {
        return jdbc.sql("select email from app_user where role = 'CLIENT' order by id limit 1")
                .query(String.class)
                .single();
    }

    /** The packaged jar with -Xmx512m on a free port, its output in {@code work}/server.log; JVM options first. */
    static Server startServer(int postgresPort, Path work, String... jvmOptions) throws IOException {
        File jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("licencedesk-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Package the application first (bench/run.sh)"))
                    .toFile();
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-jar",
                jar.getPath(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                TestKeyEncryptionKeys.ARGUMENT,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--licencedesk.demo.enabled=false",
                RATE_LIMIT_OPTION,
                NO_RENEWAL_CYCLE_OPTION));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .start();
        return new Server(process, port);
    }

    static void awaitHealth(ConsoleClient client, Process server) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server stopped; see target/bench/server.log");
            }
            try {
                if (client.get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not become healthy; see target/bench/server.log");
    }

    static HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
