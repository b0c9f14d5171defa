package io.licencedesk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One licence CSV export each way, timed: the console's {@code GET /licences/export.csv} read to the end into a file
 * by a Java HttpClient with the session, and PostgreSQL's own {@code psql \copy (the same select) to} a file, as a
 * subprocess. Rows are counted afterwards from the files (RFC 4180 records, a note may span lines), outside the timing.
 */
final class ExportRun {

    /** The full export: no filter, the list's default order (newest first). */
    static final String FULL = "/licences/export.csv";

    /** Where psql usually is on Debian when it is not on the PATH. */
    static final Path DEBIAN_PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");

    /**
     * The full export over HTTP: status, time to the first byte of the body (the application flushes the header row at
     * once), to the first byte after the header row (the first licence), total time, bytes.
     */
    record Http(int status, long firstByteNanos, long firstRowNanos, long totalNanos, long bytes) {}

    /** The full export by psql: total wall time of the subprocess, bytes of the file. */
    record Psql(long totalNanos, long bytes) {}

    private final ConsoleClient client;
    private final Path psql;
    private final int postgresPort;
    private final long organisationId;

    /** {@code psql} may be null when only the HTTP side runs. */
    ExportRun(ConsoleClient client, Path psql, int postgresPort, long organisationId) {
        this.client = client;
        this.psql = psql;
        this.postgresPort = postgresPort;
        this.organisationId = organisationId;
    }

    /** Downloads the export at this address (path and query) into the file, timing the first byte and the end. */
    Http http(String pathAndQuery, Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var response = client.stream(pathAndQuery);
        long firstByte = 0;
        long firstRow = 0;
        long bytes = 0;
        boolean headerEnded = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body();
                OutputStream out = Files.newOutputStream(file)) {
            int read = body.read(buffer);
            firstByte = System.nanoTime() - start;
            while (read >= 0) {
                if (firstRow == 0) {
                    // The header row has no quotes: its line feed ends it; any byte after it starts the first row.
                    for (int i = 0; i < read; i++) {
                        if (headerEnded) {
                            firstRow = System.nanoTime() - start;
                            break;
                        }
                        headerEnded = buffer[i] == '\n';
                    }
                }
                out.write(buffer, 0, read);
                bytes += read;
                read = body.read(buffer);
            }
        }
        long total = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The export answered " + response.statusCode() + " for " + pathAndQuery);
        }
        return new Http(response.statusCode(), firstByte, firstRow == 0 ? total : firstRow, total, bytes);
    }

    /** {@code psql -c "\copy (<the export's select>) to '<file>' with (format csv, header)"}, timed as a whole. */
    Psql psql(Path file) throws IOException, InterruptedException {
        if (psql == null) {
            throw new IllegalStateException("No psql");
        }
        String target = file.toAbsolutePath().toString().replace("'", "''");
        var command = List.of(
                psql.toString(),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "localhost",
                "-p",
                String.valueOf(postgresPort),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
                "\\copy (" + select(organisationId) + ") to '" + target + "' with (format csv, header)");
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        long total = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException(
                    "psql failed (" + exit + "): " + new String(output, StandardCharsets.UTF_8).trim());
        }
        return new Psql(total, Files.size(file));
    }

    /**
     * The statement the application runs for the full export, on one line (a {@code \copy} is one line): its own
     * select list and joins, read from {@code LicenceExportQueries.SELECT} so that they cannot drift apart, then the
     * list's condition without filters and its default order ({@code LicenceSort.CREATED}: {@code l.id}, then the id).
     */
    static String select(long organisationId) {
        String selectAndJoins;
        try {
            var field =
                    Class.forName("io.licencedesk.licence.LicenceExportQueries").getDeclaredField("SELECT");
            field.setAccessible(true);
            selectAndJoins = (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The export's select moved; update ExportRun.select", e);
        }
        return (selectAndJoins + "where l.organisation_id = " + organisationId + "\norder by l.id desc, l.id desc")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /**
     * The data rows of a CSV file with a header row: records ended by a line feed outside quotes (RFC 4180 with CRLF
     * from the application, LF from psql; a doubled quote inside a quoted cell toggles twice), less the header.
     */
    static long dataRows(Path file) throws IOException {
        long records = 0;
        boolean quoted = false;
        boolean pending = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                        pending = true;
                    } else if (b == '\n' && !quoted) {
                        records++;
                        pending = false;
                    } else if (b != '\r') {
                        pending = true;
                    }
                }
            }
        }
        if (pending) {
            records++;
        }
        return Math.max(0, records - 1);
    }

    /**
     * psql: the {@code --psql=} option when given (it must exist), else the first {@code psql} on the PATH, else
     * {@link #DEBIAN_PSQL}; empty when none is there.
     */
    static Optional<Path> findPsql(String option) {
        if (option != null && !option.isBlank()) {
            Path given = Path.of(option);
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(
                        Stream.of(path.split(java.io.File.pathSeparator))
                                .filter(dir -> !dir.isEmpty())
                                .map(dir -> Path.of(dir, "psql")),
                        Stream.of(DEBIAN_PSQL))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The psql client's version line, e.g. {@code psql (PostgreSQL) 15.14}. */
    static String psqlVersion(Path psql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(psql.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return version;
    }
}
