package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's PostgreSQL client programs (pg_dump, pg_restore, createdb), run as an operator runs them. The test
 * is skipped, saying so, where they are missing or too old for the server: PostgreSQL's pg_dump refuses a server of
 * a newer major version.
 */
final class PostgresClientTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private PostgresClientTools() {}

    static void assumeInstalled(int serverMajorVersion) throws IOException, InterruptedException {
        for (String program : List.of("pg_dump", "pg_restore", "createdb")) {
            Optional<Path> found = find(program);
            assumeTrue(
                    found.isPresent(),
                    program + " is not installed: the backup-and-restore test needs PostgreSQL's client programs"
                            + " (Debian: apt-get install postgresql-client; .ci/run installs it)");
            String version = run(List.of(found.get().toString(), "--version")).output();
            Matcher major = VERSION.matcher(version);
            assumeTrue(
                    major.find() && Integer.parseInt(major.group(1)) >= serverMajorVersion,
                    program + " is '" + version.strip() + "': the backup-and-restore test needs PostgreSQL "
                            + serverMajorVersion + "'s or newer");
        }
    }

    /** Runs a client program with the given arguments; its exit status is asserted by the caller. */
    static Result run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(find(program).orElseThrow().toString());
        command.addAll(List.of(arguments));
        return run(command);
    }

    record Result(List<String> command, int exitStatus, String output) {

        Result assertSucceeded() {
            assertThat(exitStatus)
                    .as("exit status of %s, which printed:%n%s", command, output)
                    .isZero();
            return this;
        }
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(command, process.waitFor(), output);
    }

    private static Optional<Path> find(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
