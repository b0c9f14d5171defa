package io.licencedesk.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL's own account of the statements a request ran: auto_explain with ANALYZE logs each
 * statement's plan and execution time to the JSON server log, which this reads back. It measures the
 * exact SQL the application sent, with its parameters, so nothing has to replicate the queries.
 */
final class PlanLog {

    private static final Pattern DURATION = Pattern.compile("^duration: ([0-9.]+) ms\\s+plan:\\s*", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One statement as PostgreSQL executed it: its EXPLAIN ANALYZE time in ms and its plan text. */
    record Statement(double millis, String plan) {
        boolean isList() {
            return plan.contains("Query Text: select l.id, l.coupon_code");
        }

        /** The capped count, which reads the matching ids (through their clients first, for some terms). */
        boolean isCount() {
            return plan.contains("Query Text: select l.id from licence l where")
                    || plan.contains("Query Text: select l.id from app_user u");
        }
    }

    private final DataSource dataSource;
    private final Path logDirectory;
    private long offset;

    PlanLog(DataSource dataSource, Path dataDirectory) {
        this.dataSource = dataSource;
        this.logDirectory = dataDirectory.resolve("log");
    }

    void start() throws SQLException, IOException {
        configure(
                "alter system set auto_explain.log_min_duration = 0",
                "alter system set auto_explain.log_analyze = on",
                "alter system set auto_explain.log_buffers = on");
        offset = Files.size(logFile());
    }

    void stop() throws SQLException {
        configure(
                "alter system reset auto_explain.log_min_duration",
                "alter system reset auto_explain.log_analyze",
                "alter system reset auto_explain.log_buffers");
    }

    /** The statements logged since the last call (waits briefly for the logger to write them). */
    List<Statement> drain() throws IOException, InterruptedException {
        Thread.sleep(300);
        List<Statement> statements = new ArrayList<>();
        try (var file = new RandomAccessFile(logFile().toFile(), "r")) {
            file.seek(offset);
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.readFully(bytes);
            // up to the last complete line, counted in bytes (a statement's text may hold characters of several)
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            offset += end;
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String message = JSON.readTree(line).path("message").asString("");
                var duration = DURATION.matcher(message);
                if (duration.find()) {
                    statements.add(
                            new Statement(Double.parseDouble(duration.group(1)), message.substring(duration.end())));
                }
            }
        }
        return statements;
    }

    private Path logFile() throws IOException {
        try (Stream<Path> files = Files.list(logDirectory)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("No JSON log in " + logDirectory));
        }
    }

    private void configure(String... statements) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("select pg_reload_conf()");
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
