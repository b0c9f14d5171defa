package io.licencedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test takes "now" from the application's clock (decision 0147), never from the system's beside it: a run that
 * crosses midnight, a machine in another zone or a clock another test moved gave the test and the application two
 * different days (a payment dated the day before its invoice, an export's file name of the day before). Decision 0151
 * found 35 such reads left in 24 test classes. Left out: {@code TwoNodesTests}, whose nodes are other JVMs on the
 * system's clock, and the benchmark programs ({@code *Benchmark}), which load a server run apart from any test.
 */
class TestsReadTheApplicationsClockTests {

    private static final Pattern SYSTEM_NOW = Pattern.compile(
            "\\b(LocalDate|LocalDateTime|Instant|OffsetDateTime|ZonedDateTime|LocalTime|YearMonth)" + "\\.now\\(\\)");

    @Test
    void noTestReadsTheSystemsClockBesideTheApplications() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file :
                    files.filter(TestsReadTheApplicationsClockTests::checked).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher now = SYSTEM_NOW.matcher(lines.get(i));
                    if (now.find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean checked(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java")
                && !name.endsWith("Benchmark.java")
                && !name.equals("TwoNodesTests.java")
                && !name.equals("TestsReadTheApplicationsClockTests.java");
    }
}
