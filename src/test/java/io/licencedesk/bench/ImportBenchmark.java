package io.licencedesk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licence CSV import of a whole book (a file made by the export) against PostgreSQL's own {@code COPY} of the same
 * rows into the same table with the same indexes, in one run on the main-list benchmark's database (issue 11: at most
 * 60 s, at most 1.2 times COPY, flat memory with -Xmx512m).
 *
 * <p>The benchmark's organisation's licences are exported over HTTP; a second organisation, "Import target", gets the
 * same plans and a copy of each client under {@code import-}+e-mail (an e-mail belongs to one organisation), and the
 * file's client e-mails are rewritten to match. The target's owner then imports the file through the console's own
 * requests: upload, check, confirm, import. Every row gets a new code, since the exporting organisation holds them.
 *
 * <p>COPY anchor: the rows the import created are written out with {@code COPY ... TO} a file, deleted, the table
 * vacuumed, and timed while {@code COPY ... FROM} that file loads them again, as the server's superuser. The
 * organisation's licences are then deleted again, and the file is imported a second time (import, COPY, import:
 * the order weighs on both sides alike). The imported licences are deleted at the end, so the database is as it was.
 * Each timed part starts with the table vacuumed, no autovacuum worker running ({@link #settle}) and a
 * {@code CHECKPOINT}, and the server has room for its WAL before the next one
 * ({@link BenchPostgres}): a checkpoint inside a part makes the next change of every page write the whole page, and
 * where it fell differed from run to run. The output counts the checkpoints that began during each part.
 *
 * <p>Run it with {@code bench/run-import.sh}; options as {@code --name=value}: licences (1000000), clients (10000),
 * pgdata (target/bench/pgdata), jfr (a flight recording of the server
 * in target/bench/import.jfr).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    static final String TARGET_OWNER = "import-owner@bench.test";

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private static final String COLUMNS = "organisation_id, coupon_code, plan_id, term, unit_price_minor, name, note,"
            + " quantity, client_id, paused, activated_on, ends_on, billing_status, created_at, import_key, import_id";

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        int licences = options.integer("licences", 1_000_000);
        int clients = options.integer("clients", 10_000);
        Path work = Path.of("target", "bench").toAbsolutePath();
        Path dataDirectory = options.path("pgdata", work.resolve("pgdata"));
        Files.createDirectories(work);
        Path gcLog = work.resolve("import-gc.log");
        Files.deleteIfExists(gcLog);
        Path exported = work.resolve("import-exported.csv");
        Path file = work.resolve("import-file.csv");
        Path copyFile = work.resolve("import-anchor.copy");

        try (EmbeddedPostgres postgres = BenchPostgres.start(dataDirectory, false);
                var dataSource = MainListBenchmark.dataSource(postgres)) {
            JdbcClient jdbc = MainListBenchmark.prepare(dataSource, dataDirectory, licences, clients);
            long source = ExportBenchmark.organisationId(jdbc);
            long target = targetOrganisation(jdbc, source);
            List<String> serverOptions =
                    new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog));
            if (options.has("jfr")) {
                // A flight recording of the whole run, for finding where the server's time goes.
                serverOptions.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("import.jfr"));
            }
            var server = MainListBenchmark.startServer(postgres.getPort(), work, serverOptions.toArray(String[]::new));
            try (var autovacuum = new AutovacuumWatch(jdbc)) {
                String base = "http://localhost:" + server.port();
                var exporter = new ConsoleClient(base);
                MainListBenchmark.awaitHealth(exporter, server.process());
                exporter.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                long exportStart = System.nanoTime();
                new ExportRun(exporter, null, postgres.getPort(), source).http(ExportRun.FULL, exported);
                long rows = retarget(exported, file);
                System.out.printf(
                        "Exported %,d licences (%,d bytes) in %.1f s; client e-mails rewritten for the target%n",
                        rows, Files.size(file), (System.nanoTime() - exportStart) / 1e9);

                var importer = new ConsoleClient(base);
                importer.signIn(TARGET_OWNER, BenchData.OWNER_PASSWORD);
                // Warm-up: a small file through the same steps, so that the timed run does not pay for class loading.
                Path small = work.resolve("import-warmup.csv");
                head(file, small, 2_000);
                timed(importer, jdbc, small);
                jdbc.sql("delete from licence where organisation_id = ?")
                        .param(target)
                        .update();

                String gcBefore = Files.exists(gcLog) ? Files.readString(gcLog) : "";
                String loadBefore = loadAverage();
                settle(jdbc);
                long checkpoints = checkpoints(jdbc);
                Times times = timed(importer, jdbc, file);
                long checkpointsImport = checkpoints(jdbc) - checkpoints;
                String loadAfter = loadAverage();
                long heapMax = heapAfterGcMax(Files.readString(gcLog).substring(gcBefore.length()));
                long created = jdbc.sql("select count(*) from licence where import_id = ?")
                        .param(times.importId())
                        .query(Long.class)
                        .single();
                if (created != rows) {
                    throw new IllegalStateException("Imported " + created + " of " + rows + " rows");
                }

                // The anchor: the same rows, by COPY, into the same table with the same indexes.
                jdbc.sql("copy (select " + COLUMNS + " from licence where import_id = " + times.importId()
                                + " order by id) to '" + copyFile + "'")
                        .update();
                jdbc.sql("delete from licence where organisation_id = ?")
                        .param(target)
                        .update();
                String loadCopy = loadAverage();
                settle(jdbc);
                checkpoints = checkpoints(jdbc);
                long copyStart = System.nanoTime();
                jdbc.sql("copy licence (" + COLUMNS + ") from '" + copyFile + "'")
                        .update();
                long copyNanos = System.nanoTime() - copyStart;
                long checkpointsCopy = checkpoints(jdbc) - checkpoints;
                jdbc.sql("delete from licence where organisation_id = ?")
                        .param(target)
                        .update();
                jdbc.sql("vacuum analyze licence").update();
                Files.deleteIfExists(copyFile);

                // Import, COPY, import: the second import runs after COPY as COPY ran after the first, so that the
                // order (cold or warm index pages, the free space a vacuum left) weighs on both sides alike.
                String loadAgain = loadAverage();
                settle(jdbc);
                checkpoints = checkpoints(jdbc);
                Times again = timed(importer, jdbc, file);
                long checkpointsAgain = checkpoints(jdbc) - checkpoints;
                long createdAgain = jdbc.sql("select count(*) from licence where import_id = ?")
                        .param(again.importId())
                        .query(Long.class)
                        .single();
                if (createdAgain != rows) {
                    throw new IllegalStateException(
                            "Imported " + createdAgain + " of " + rows + " rows the second time");
                }
                jdbc.sql("delete from licence where organisation_id = ?")
                        .param(target)
                        .update();
                jdbc.sql("vacuum analyze licence").update();

                System.out.printf(
                        "%nCSV import of %,d licences (a file made by the export), PostgreSQL %s, %d cores, Java %s, %s%n",
                        rows,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        LocalDate.now());
                System.out.printf(
                        "Load average: before %s | after import %s | before COPY %s | before the second import %s%n",
                        loadBefore, loadAfter, loadCopy, loadAgain);
                System.out.printf("Upload (HTTP, %,d bytes):   %6.1f s%n", Files.size(file), times.upload() / 1e9);
                System.out.printf("Check (every row):           %6.1f s%n", times.check() / 1e9);
                System.out.printf("Import (one transaction):    %6.1f s%n", times.load() / 1e9);
                System.out.printf("Total, upload to imported:   %6.1f s (target ≤ 60 s)%n", times.total() / 1e9);
                System.out.printf("COPY of the same rows:       %6.1f s%n", copyNanos / 1e9);
                System.out.printf(
                        "The same import again, after COPY: upload %.1f s, check %.1f s, import %.1f s, total %.1f s%n",
                        again.upload() / 1e9, again.check() / 1e9, again.load() / 1e9, again.total() / 1e9);
                for (var run : List.of(Map.entry("first import", times), Map.entry("second import", again))) {
                    System.out.printf(
                            "Ratios to COPY, %s: import step %.2f×, check + import %.2f×, total %.2f× (target ≤ 1.2×)%n",
                            run.getKey(),
                            (double) run.getValue().load() / copyNanos,
                            (double) (run.getValue().check() + run.getValue().load()) / copyNanos,
                            (double) run.getValue().total() / copyNanos);
                }
                System.out.printf(
                        "Checkpoints during (one before each): first import %d | COPY %d | second import %d%n",
                        checkpointsImport, checkpointsCopy, checkpointsAgain);
                System.out.printf(
                        "Autovacuum workers seen (10 looks a second): first import: %s | COPY: %s | second import: %s%n",
                        autovacuum.during(times.start(), times.start() + times.total()),
                        autovacuum.during(copyStart, copyStart + copyNanos),
                        autovacuum.during(again.start(), again.start() + again.total()));
                System.out.printf(
                        "Memory: -Xmx512m; highest heap after a collection during the import %d MB (GC log)%s%n",
                        heapMax, server.process().isAlive() ? "" : "; THE SERVER STOPPED: see target/bench/server.log");
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    record Times(long importId, long start, long upload, long check, long load, long total) {}

    /** Upload, check, confirm and import, each step timed from the console's own requests and the job's status. */
    static Times timed(ConsoleClient client, JdbcClient jdbc, Path file) throws Exception {
        long start = System.nanoTime();
        var answer = client.postFile("/licences/imports", "/licences/imports?name=" + file.getFileName(), file);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Upload answered " + answer.statusCode() + ": " + answer.body());
        }
        long uploaded = System.nanoTime();
        String page = answer.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        String status = awaitStatus(jdbc, id, "CHECKING");
        if (!status.equals("CHECKED")) {
            throw new IllegalStateException("The check ended " + status);
        }
        long checked = System.nanoTime();
        var confirm = client.postForm(page, page + "/import");
        if (confirm.statusCode() != 302) {
            throw new IllegalStateException("Confirmation answered " + confirm.statusCode());
        }
        status = awaitStatus(jdbc, id, "IMPORTING");
        if (!status.equals("IMPORTED")) {
            throw new IllegalStateException("The import ended " + status);
        }
        long imported = System.nanoTime();
        return new Times(id, start, uploaded - start, checked - uploaded, imported - checked, imported - start);
    }

    private static String awaitStatus(JdbcClient jdbc, long id, String running) throws InterruptedException {
        while (true) {
            String status = jdbc.sql("select status from licence_import where id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            if (!status.equals(running)) {
                return status;
            }
            Thread.sleep(20);
        }
    }

    /**
     * The organisation the file is imported into, made once: the source's plans (same names, terms and prices) and a
     * copy of each of its clients under {@code import-}+e-mail; the owner signs in with the benchmark's password.
     * Licences and imports of an earlier run are deleted.
     */
    static long targetOrganisation(JdbcClient jdbc, long source) {
        var existing = jdbc.sql("select organisation_id from app_user where email = ?")
                .param(TARGET_OWNER)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            long target = existing.get();
            jdbc.sql("delete from licence where organisation_id = ?")
                    .param(target)
                    .update();
            jdbc.sql("delete from licence_import where organisation_id = ?")
                    .param(target)
                    .update();
            return target;
        }
        jdbc.sql("""
                        insert into organisation (name, currency, expiring_soon_days, created_at)
                        select 'Import target', currency, expiring_soon_days, now() from organisation where id = ?
                        """).param(source).update();
        long target =
                jdbc.sql("select max(id) from organisation").query(Long.class).single();
        jdbc.sql("""
                        insert into app_user (organisation_id, email, password_hash, role, name, enabled, created_at)
                        select ?, ?, password_hash, 'OWNER', 'Import owner', true, now() from app_user where email = ?
                        """).params(target, TARGET_OWNER, BenchData.OWNER_EMAIL).update();
        jdbc.sql("""
                        insert into plan (organisation_id, name, term, unit_price_minor, created_at)
                        select ?, name, term, unit_price_minor, now() from plan where organisation_id = ?
                        """).params(target, source).update();
        jdbc.sql("""
                        insert into app_user (organisation_id, email, role, name, company, enabled, created_at)
                        select ?, 'import-' || email, role, name, company, enabled, now() from app_user
                        where organisation_id = ? and role = 'CLIENT'
                        """).params(target, source).update();
        return target;
    }

    /** Copies the export, the byte order mark kept, with every client e-mail prefixed as the target's clients are. */
    static long retarget(Path exported, Path file) throws IOException {
        long rows = 0;
        try (Reader in = Files.newBufferedReader(exported, StandardCharsets.UTF_8);
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            if (in.read() != '\uFEFF') {
                throw new IllegalStateException("The export has no byte order mark");
            }
            out.write('\uFEFF');
            int email = -1;
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                List<String> cells = new ArrayList<>(record.toList());
                if (email < 0) {
                    email = cells.indexOf("client_email");
                } else {
                    rows++;
                    if (!cells.get(email).isEmpty()) {
                        cells.set(email, "import-" + cells.get(email));
                    }
                }
                printer.printRecord(cells);
            }
        }
        return rows;
    }

    /** The header and the first {@code rows} records (a note may span lines). */
    private static void head(Path file, Path small, int rows) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                var printer =
                        new CSVPrinter(Files.newBufferedWriter(small, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            int written = 0;
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                if (written++ > rows) {
                    break;
                }
                printer.printRecord(record.toList());
            }
        }
    }

    private static long heapAfterGcMax(String gcLog) {
        long max = 0;
        Matcher heap = GC_HEAP.matcher(gcLog);
        while (heap.find()) {
            max = Math.max(max, Long.parseLong(heap.group(2)));
        }
        return max;
    }

    /**
     * Before each timed part: the statistics of the rows deleted before it reach the server, the table is vacuumed,
     * no autovacuum worker is left running, and a checkpoint is taken. A backend sends its statistics up to 10 s after
     * its statement when it is idle; a vacuum run at once after a delete of 1,000,000 rows left them to arrive after
     * it, and autovacuum then vacuumed the whole table again, 60 s inside Run 11's first import and not beside COPY.
     */
    private static void settle(JdbcClient jdbc) throws InterruptedException {
        Thread.sleep(11_000);
        jdbc.sql("vacuum analyze licence").update();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < until
                && jdbc.sql("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")
                                .query(Long.class)
                                .single()
                        > 0) {
            Thread.sleep(1_000);
        }
        jdbc.sql("checkpoint").update();
    }

    /** Checkpoints begun since the server started, by time or by WAL volume (PostgreSQL 17). */
    private static long checkpoints(JdbcClient jdbc) {
        return jdbc.sql("select num_timed + num_requested from pg_stat_checkpointer")
                .query(Long.class)
                .single();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
