package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licencedesk.support.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    NodeProcess application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aLogLineOfARequestIsJsonWithTheRequestsId() throws Exception {
        application = NodeProcess.named("application", work)
                .database("jdbc:h2:mem:structured;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                // Spring Security's filter chain logs "Securing GET /login" at debug: the line read back.
                .setting("logging.level.org.springframework.security.web.FilterChainProxy", "debug")
                .environment("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .start();
        Path log = application.log();
        HttpResponse<Void> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(application.url() + "/login"))
                                .header("X-Request-Id", "structured-1")
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

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
}
