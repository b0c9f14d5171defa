package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licencedesk.support.Inbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the environment variable LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs, each log line is one JSON object (Elastic
 * Common Schema), and a line written while a request is handled carries its id as "requestId". The application runs
 * as a separate JVM, as an operator starts it: the logging system is set up once per JVM, so a test context in this one
 * would neither get the format reliably nor keep it from the test classes after it.
 */
class StructuredLogsIntegrationTests {

    @TempDir
    Path work;

    Process application;

    @AfterEach
    void stop() throws InterruptedException {
        if (application != null) {
            application.destroyForcibly().waitFor();
        }
    }

    @Test
    void aLogLineOfARequestIsJsonWithTheRequestsId() throws Exception {
        int port = Inbox.freePort();
        Path log = work.resolve("application.log");
        Path argumentFile = work.resolve("application.args");
        List<String> arguments = List.of(
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.licencedesk.LicenceDeskApplication",
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:structured;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--licencedesk.demo.enabled=false",
                // Spring Security's filter chain logs "Securing GET /login" at debug: the line read back.
                "--logging.level.org.springframework.security.web.FilterChainProxy=debug",
                "--spring.main.banner-mode=off");
        Files.write(
                argumentFile,
                arguments.stream()
                        .map(argument -> "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .toList());
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var builder = new ProcessBuilder(java, "@" + argumentFile)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        application = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Request-Id", "structured-1")
                .timeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<Void> answer = await("the application's start, see " + log)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(http, login), Optional::isPresent)
                .get();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("structured-1");
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Files.readAllLines(log),
                        all -> all.stream().anyMatch(line -> line.contains("structured-1")));
        assertThat(lines)
                .as("every line is a JSON object")
                .allSatisfy(line -> assertThat(json.readTree(line).isObject()).isTrue());
        JsonNode securing = lines.stream()
                .map(json::readTree)
                .filter(line ->
                        "Securing GET /login".equals(line.path("message").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(securing.path("requestId").asString()).isEqualTo("structured-1");
        assertThat(securing.path("log").path("level").asString()).isEqualTo("DEBUG");
    }

    private static Optional<HttpResponse<Void>> send(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }
}
