package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document is the checked-in snapshot the Java client is generated from during the build
 * (decision 0044): a change to the API that the snapshot does not have fails here, naming the command that
 * refreshes it. Only that command writes the snapshot; a test run leaves the work tree as it found it.
 */
@IntegrationTest
class OpenApiSnapshotIntegrationTests {

    /** The snapshot, from the project's folder (where Maven runs the tests). */
    static final Path SNAPSHOT = Paths.get("src", "test", "openapi", "licencedesk-api.json");

    static final String REFRESH = "./mvnw test -Dtest=OpenApiSnapshotIntegrationTests -Dopenapi.snapshot.write=true";

    static final boolean WRITE = Boolean.getBoolean("openapi.snapshot.write");

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    MockMvc mvc;

    @Test
    void theServedDocumentIsTheSnapshotTheClientIsGeneratedFrom() throws Exception {
        String served = snapshotText(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        if (WRITE) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SNAPSHOT))
                .as("%s is missing; make it with: %s", SNAPSHOT, REFRESH)
                .isTrue();
        String kept = read(SNAPSHOT);
        assertThat(firstDifference(kept, served))
                .as(
                        "The served OpenAPI document differs from %s, which the generated client is built from."
                                + " If the API change is meant, refresh the snapshot with: %s, review its diff and"
                                + " commit it (the next build regenerates the client from it)",
                        SNAPSHOT, REFRESH)
                .isEmpty();
        assertThat(served).isEqualTo(kept);
    }

    /**
     * The document as it is kept: keys in alphabetical order at every level (springdoc's order follows bean and
     * reflection order, which diffs badly), pretty-printed, one newline at the end, and without {@code servers},
     * which names the host the request came to (a random port in other tests).
     */
    static String snapshotText(String raw) {
        JsonNode document = JSON.readTree(raw);
        ObjectNode kept = (ObjectNode) sorted(document);
        kept.remove("servers");
        return JSON.writeValueAsString(kept) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            Collections.sort(entries, Map.Entry.comparingByKey());
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            entries.forEach(entry -> copy.set(entry.getKey(), sorted(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Where the two texts first part, a few lines of each around it; empty when they are the same. */
    static String firstDifference(String kept, String served) {
        List<String> before = kept.lines().toList();
        List<String> now = served.lines().toList();
        int line = 0;
        while (line < before.size() && line < now.size() && before.get(line).equals(now.get(line))) {
            line++;
        }
        if (line == before.size() && line == now.size()) {
            return "";
        }
        int from = Math.max(0, line - 3);
        return "line " + (line + 1) + "\n--- snapshot\n"
                + String.join("\n", before.subList(from, Math.min(before.size(), line + 4)))
                + "\n+++ served\n"
                + String.join("\n", now.subList(from, Math.min(now.size(), line + 4)));
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
