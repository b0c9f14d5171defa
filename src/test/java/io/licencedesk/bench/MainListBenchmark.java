package io.licencedesk.bench;

import com.zaxxer.hikari.HikariDataSource;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The main-list benchmark: starts an embedded PostgreSQL under target/bench, loads the data (or reuses it
 * when the same size is already there), starts the packaged application in its own JVM with -Xmx512m,
 * signs in and times every case. Run it with {@code bench/run.sh}; options as {@code --name=value}:
 * licences (1000000), clients (10000), warmup (30 rounds over all cases), warmup-seconds (180: the rounds go on
 * until this much time has passed too), requests (200), explained (5), fresh (false).
 */
public final class MainListBenchmark {

    private MainListBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Stream.of(args)
                .map(arg -> arg.replaceFirst("^--", "").split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "true"));
        int licences = Integer.parseInt(options.getOrDefault("licences", "1000000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "10000"));
        boolean fresh = Boolean.parseBoolean(options.getOrDefault("fresh", "false"));
        Path work = Path.of("target", "bench");
        Path dataDirectory = work.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(work);
        if (fresh) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }

        try (EmbeddedPostgres postgres = BenchPostgres.start(dataDirectory, false);
                HikariDataSource dataSource = dataSource(postgres)) {
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
            List<BenchCase> cases = cases(jdbc, licences);
            Server server = startServer(postgres.getPort(), work);
            try {
                var client = new ConsoleClient("http://localhost:" + server.port());
                awaitHealth(client, server.process());
                client.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                var run = new MainListRun(client, new PlanLog(dataSource, dataDirectory), work.resolve("plans"));
                var timed = new java.util.ArrayList<>(cases);
                timed.add(BenchCases.again(cases.get(0)));
                var results = run.run(
                        timed,
                        Integer.parseInt(options.getOrDefault("warmup", "30")),
                        Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "180"))),
                        Integer.parseInt(options.getOrDefault("requests", "200")),
                        Integer.parseInt(options.getOrDefault("explained", "5")));
                var weight = run.weight(cases.get(0));
                System.out.printf(
                        "%nMain list, %,d licences, %,d clients, PostgreSQL %s, %d cores, %s, load average %s%n",
                        licences,
                        clients,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        LocalDate.now(),
                        Files.readString(Path.of("/proc/loadavg")).trim());
                MainListRun.print(results, weight, System.out);
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    /** The application under test, in its own JVM. */
    private record Server(Process process, int port) {}

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
        String someCode = jdbc.sql("select coupon_code from licence where id = ?")
                .param(deepId)
                .query(String.class)
                .single();
        var loaded = new BenchData.Loaded(organisationId, busiest, LocalDate.now(), List.of(), Map.of());
        return BenchCases.of(loaded, deepId, someCode);
    }

    private static Server startServer(int postgresPort, Path work) throws IOException {
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
        var process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.getPath(),
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--licencedesk.demo.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .start();
        return new Server(process, port);
    }

    private static void awaitHealth(ConsoleClient client, Process server) throws Exception {
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

    private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
