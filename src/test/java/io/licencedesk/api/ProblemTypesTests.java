package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the API answers has one title and is documented. RFC 9457 makes the title the type's summary,
 * the same on every occurrence; the same type was written with two titles by different layers ("Unsupported Media
 * Type" from the body filter, "Unsupported media type" from the controllers; "Try again later" and "Service
 * unavailable"), so a client that showed the title showed two texts for one fault. Read from the sources, where
 * every problem is made with its status, type and title side by side.
 */
class ProblemTypesTests {

    /** A problem made in place: {@code HttpStatus.X, "type", "Title"} or {@code typed(spring, "type", "Title")}. */
    private static final Pattern PROBLEM = Pattern.compile(
            "(?:HttpStatus\\.[A-Z_]+|typed\\([^,()]+(?:\\([^()]*\\))?),\\s*\"([a-z][a-z0-9-]+)\",\\s*\"([^\"]+)\"");

    @Test
    void everyProblemTypeHasOneTitleWhereverItIsMade() throws IOException {
        Map<String, Set<String>> titles = problemTitles();

        assertThat(titles)
                .as("the problems found in the sources (the pattern must keep finding them)")
                .hasSizeGreaterThan(20)
                .containsKeys("validation", "conflict", "not-found", "unsupported-media-type", "unavailable");
        assertThat(titles)
                .allSatisfy((type, written) ->
                        assertThat(written).as("titles of " + type).hasSize(1));
    }

    @Test
    void everyProblemTypeIsDocumentedForTheCallerWhoMeetsIt() throws IOException {
        String guides = Files.readString(Path.of("docs/api.md"))
                + Files.readString(Path.of("docs/api-idempotency.md"))
                + Files.readString(Path.of("docs/device-api.md"));

        assertThat(problemTitles().keySet())
                .allSatisfy(type -> assertThat(guides)
                        .as("docs naming " + type)
                        .containsPattern("`" + Pattern.quote(type) + "`|/problems/" + Pattern.quote(type) + "\\b"));
    }

    private static Map<String, Set<String>> problemTitles() throws IOException {
        Map<String, Set<String>> titles = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher problem = PROBLEM.matcher(Files.readString(source));
            while (problem.find()) {
                titles.computeIfAbsent(problem.group(1), type -> new TreeSet<>())
                        .add(problem.group(2));
            }
        }
        return titles;
    }
}
