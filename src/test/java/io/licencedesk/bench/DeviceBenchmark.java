package io.licencedesk.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.support.TestKeyEncryptionKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The device check-in benchmark: the main list's 1,000,000 licences in the embedded PostgreSQL under
 * target/bench (loaded once, reused), plus one activated screen on each of {@code screens} licences; the
 * packaged application in its own JVM (-Xmx512m); wrk, a separate process, against the check-in (signed,
 * random screen and nonce per request) and the trivial {@code /api/v1/device/time} in the same run.
 * Run it with {@code bench/run-device.sh}; options as {@code --name=value}: licences (1000000), clients
 * (10000), screens (10000), warmup (20 s), duration (30 s), rounds (2), threads (2), connections (16),
 * jvm (extra server JVM options, separated by spaces), fresh (false).
 */
public final class DeviceBenchmark {

    private DeviceBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        int licences = options.integer("licences", 1_000_000);
        int clients = options.integer("clients", 10_000);
        int screenCount = options.integer("screens", 10_000);
        int warmup = options.integer("warmup", 20);
        int duration = options.integer("duration", 30);
        int rounds = options.integer("rounds", 2);
        int threads = options.integer("threads", 2);
        int connections = options.integer("connections", 16);
        List<String> jvm =
                options.has("jvm") ? List.of(options.text("jvm").trim().split("\\s+")) : List.of();
        Path work = Path.of("target", "bench");
        Path dataDirectory = work.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(work);
        if (options.flag("fresh")) {
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
            List<DeviceBenchData.BenchScreen> screens;
            try (var connection = dataSource.getConnection()) {
                screens = DeviceBenchData.ensure(connection, screenCount);
            }
            Path screensFile = DeviceBenchData.writeScreensFile(
                    screens, work.resolve("device-screens.txt").toAbsolutePath());
            jdbc.sql("analyze").update();

            int port = freePort();
            Process server = startServer(postgres.getPort(), port, jvm, work);
            try {
                String base = "http://localhost:" + port;
                awaitHealth(base, server);
                String validity = checkSample(base, screens);
                String script =
                        Path.of("bench", "device-check-in.lua").toAbsolutePath().toString();
                String checkInUrl = base + "/api/v1/device/check-in";
                String timeUrl = base + "/api/v1/device/time";
                System.out.printf("Warming up for %d s…%n", warmup);
                Wrk.run("warm-up time", timeUrl, threads, connections, Math.max(1, warmup / 4));
                Wrk.run("warm-up check-in", checkInUrl, threads, connections, warmup, script, screensFile.toString());
                String before = load();
                List<Wrk.Result> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    results.add(Wrk.run("time (trivial) #" + round, timeUrl, threads, connections, duration));
                    results.add(Wrk.run(
                            "check-in (signed) #" + round,
                            checkInUrl,
                            threads,
                            connections,
                            duration,
                            script,
                            screensFile.toString()));
                }
                Files.writeString(
                        work.resolve("device-wrk-output.txt"),
                        results.stream().map(Wrk.Result::output).collect(Collectors.joining("\n----\n")));
                System.out.printf(
                        "%nDevice check-in, %,d licences, %,d screens, PostgreSQL %s, %d cores, %s%n"
                                + "wrk -t%d -c%d -d%ds per case, %d rounds; load average before %s, after %s%n"
                                + "sample answers: %s%n%n",
                        licences,
                        screens.size(),
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        LocalDate.now(),
                        threads,
                        connections,
                        duration,
                        rounds,
                        before,
                        load(),
                        validity);
                System.out.println(Wrk.header());
                results.forEach(result -> System.out.println(Wrk.row(result)));
                double time = results.stream()
                        .filter(r -> r.name().startsWith("time"))
                        .mapToDouble(Wrk.Result::requestsPerSecond)
                        .average()
                        .orElse(0);
                double checkIn = results.stream()
                        .filter(r -> r.name().startsWith("check-in"))
                        .mapToDouble(Wrk.Result::requestsPerSecond)
                        .average()
                        .orElse(0);
                System.out.printf(
                        "%ncheck-in / trivial: %.2f (mean req/s %.0f / %.0f)%n", checkIn / time, checkIn, time);
                long written = jdbc.sql("select count(*) from screen where last_check_in_at is not null")
                        .query(Long.class)
                        .single();
                System.out.printf("screens with a recorded last check-in: %,d of %,d%n", written, screens.size());
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** Checks in with every 100th screen and counts the answers by validity and reason. */
    static String checkSample(String base, List<DeviceBenchData.BenchScreen> screens) throws Exception {
        var http = HttpClient.newHttpClient();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < screens.size(); i += 100) {
            var screen = screens.get(i);
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/device/check-in"))
                            .header("Authorization", "Bearer " + screen.credential())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"" + screen.fingerprint()
                                    + "\",\"nonce\":\"sample-" + i + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200
                    || response.headers().firstValue("Device-Signature").isEmpty()) {
                throw new IllegalStateException("Check-in answered " + response.statusCode() + ": " + response.body());
            }
            var reason =
                    java.util.regex.Pattern.compile("\"reason\":\"(\\w+)\"").matcher(response.body());
            counts.merge(reason.find() ? reason.group(1) : "valid", 1, Integer::sum);
        }
        return counts.toString();
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process startServer(int postgresPort, int port, List<String> jvm, Path work) throws IOException {
        File jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("licencedesk-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Package the application first (bench/run-device.sh)"))
                    .toFile();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvm);
        command.addAll(List.of(
                "-jar",
                jar.getPath(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                TestKeyEncryptionKeys.ARGUMENT,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--licencedesk.demo.enabled=false",
                MainListBenchmark.NO_RENEWAL_CYCLE_OPTION,
                BenchPostgres.SERVER_MIGRATION_OPTION));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("device-server.log").toFile())
                .start();
    }

    private static void awaitHealth(String base, Process server) throws Exception {
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server stopped; see target/bench/device-server.log");
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not become healthy; see target/bench/device-server.log");
    }

    private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
