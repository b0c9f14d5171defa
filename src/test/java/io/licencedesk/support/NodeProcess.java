package io.licencedesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application started as a separate JVM, as an operator starts a node: on a database and an SMTP server of the
 * test's choosing, on a free port, with its output in a log file. {@link #start()} returns once the node answers its
 * health check. It can then be stopped as an operator or a crash stops it: {@link #terminate()} (SIGTERM, a graceful
 * shutdown) or {@link #kill()} (SIGKILL, nothing more runs).
 *
 * <p>The JVM runs this test JVM's class path, so it is the code under test, with a small heap and the quick compiler
 * (a node starts in seconds on a busy machine).
 */
public final class NodeProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    private final String url;
    private final Path log;

    private NodeProcess(String name, Process process, String url, Path log) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** A node called {@code name} (its log is {@code name.log}) that runs in the directory {@code work}. */
    public static Builder named(String name, Path work) {
        return new Builder(name, work);
    }

    /** Where the node answers, e.g. {@code http://127.0.0.1:40123}, without a trailing slash. */
    public String url() {
        return url;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails, pointing at the log, if the node has stopped. */
    public void assertAlive() {
        assertThat(process.isAlive()).as("node %s alive, see %s", name, log).isTrue();
    }

    /** SIGTERM: the node shuts down as it would when an operator or an orchestrator stops it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, and waits for the process to be gone: nothing more of the node runs, not even a shutdown hook. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Waits for the process to end (after {@link #terminate()}), answering its exit code. */
    public int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for node " + name, interrupted);
        }
    }

    /** What the node has written so far. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** True once the node answers its health check with 200 (UP). */
    public boolean healthy() {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the node if it still runs: for clean-up after a test, whatever happened in it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return "node " + name + " at " + url + " (log " + log + ")";
    }

    /** The settings of a node to start. */
    public static final class Builder {

        private final String name;
        private final Path work;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> settings = new ArrayList<>();
        private String database;
        private Integer smtpPort;

        private Builder(String name, Path work) {
            this.name = name;
            this.work = work;
        }

        /** The JDBC URL; on PostgreSQL as user postgres without a password (an embedded test server). */
        public Builder database(String jdbcUrl) {
            this.database = jdbcUrl;
            return this;
        }

        /** An SMTP server on 127.0.0.1 at this port; without one, e-mails are kept in the outbox. */
        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        /** A Spring property, e.g. {@code setting("licencedesk.mail.lease", "PT3S")}. */
        public Builder setting(String property, String value) {
            settings.add("--" + property + "=" + value);
            return this;
        }

        /** An environment variable of the node's process. */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** Starts the node and waits for its health check; fails, pointing at its log, if it stops or never answers. */
        public NodeProcess start() {
            try {
                return startAndWait();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }

        /**
         * Starts a node whose start must fail, as a wrong setting or an unreachable database makes it fail: waits for
         * its process to end, fails unless it ended with an error code, and answers what it wrote.
         */
        public String failsToStart() {
            try (NodeProcess node = launch()) {
                if (!node.process.waitFor(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError(node + " still runs: its start was expected to fail");
                }
                assertThat(node.process.exitValue()).as("exit code of %s", node).isNotZero();
                return node.logText();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for node " + name, interrupted);
            }
        }

        private NodeProcess startAndWait() throws IOException {
            var node = launch();
            try {
                await("health of " + node)
                        .atMost(STARTUP_LIMIT)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            node.assertAlive();
                            return node.healthy();
                        });
            } catch (RuntimeException | Error failed) {
                node.close();
                throw failed;
            }
            return node;
        }

        private NodeProcess launch() throws IOException {
            Files.createDirectories(work);
            int port = Inbox.freePort();
            Path argumentFile = work.resolve(name + ".args").toAbsolutePath();
            Path log = work.resolve(name + ".log").toAbsolutePath();
            // An argument file keeps a long test class path off the command line.
            Files.write(
                    argumentFile,
                    arguments(port).stream()
                            .map(argument ->
                                    "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                            .toList());
            String java = ProcessHandle.current()
                    .info()
                    .command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
            var builder = new ProcessBuilder(java, "@" + argumentFile)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new NodeProcess(name, builder.start(), "http://127.0.0.1:" + port, log);
        }

        private List<String> arguments(int port) {
            List<String> arguments = new ArrayList<>(List.of(
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.licencedesk.LicenceDeskApplication",
                    "--server.port=" + port,
                    "--licencedesk.demo.enabled=false",
                    "--spring.main.banner-mode=off"));
            if (database != null) {
                arguments.add("--spring.datasource.url=" + database);
                if (database.startsWith("jdbc:postgresql:")) {
                    arguments.add("--spring.datasource.username=postgres");
                    arguments.add("--spring.datasource.password=");
                    // A node on PostgreSQL refuses to start without the key that encrypts device signing keys (0061).
                    arguments.add(TestKeyEncryptionKeys.ARGUMENT);
                }
            }
            if (smtpPort != null) {
                arguments.add("--spring.mail.host=127.0.0.1");
                arguments.add("--spring.mail.port=" + smtpPort);
            }
            arguments.addAll(settings);
            return arguments;
        }
    }
}
