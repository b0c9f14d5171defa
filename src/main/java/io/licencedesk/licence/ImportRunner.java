package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background, one at a time on each node: the check of an uploaded file, then, once confirmed,
 * the import itself, and takes over imports whose node stopped (decision 0047).
 *
 * <p>The import is one transaction: a node that stops half-way leaves no licence of it, and the import, still
 * confirmed, is run again from its checked rows by whichever node notices first. Its progress is written in
 * transactions of its own, which are also its heartbeat.
 */
@Component
class ImportRunner {

    /** The refused rows kept for the report; beyond them only the count is. */
    static final int PROBLEMS_KEPT = 100_000;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int BATCH = 5_000;
    private static final int LINES_PER_STEP = 25_000;

    /**
     * Each step of an import runs under a savepoint, a subtransaction; PostgreSQL keeps the first 64 of a transaction
     * in memory, and past them every other session's snapshot looks them up on disk while the import runs. A larger
     * file takes longer steps instead.
     */
    private static final int MOST_STEPS = 60;

    private final ImportJobs jobs;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "licence-import");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The imports this node runs or has queued, with their claim: it beats for them while they wait or run a long
     * step, and never takes them over itself.
     */
    private final Map<Long, String> ownImports = new ConcurrentHashMap<>();

    /** The checks this node runs or has queued: likewise, they beat here and are not taken for stopped. */
    private final Set<Long> ownChecks = ConcurrentHashMap.newKeySet();

    ImportRunner(
            ImportJobs jobs,
            ImportSettings settings,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void check(long id, Path file, ImportFile.Catalogue catalogue) {
        ownChecks.add(id);
        run(() -> {
            try {
                runCheck(id, file, catalogue);
            } catch (RuntimeException failed) {
                log.error("Import {}: the check failed", id, failed);
                ownTransaction.executeWithoutResult(
                        status -> jobs.refuse(id, Reason.of("reason.import.failed"), clock.instant()));
            } finally {
                deleteQuietly(file);
                ownChecks.remove(id);
            }
        });
    }

    void runImport(long id, String claim) {
        ownImports.put(id, claim);
        run(() -> {
            try {
                importRows(id, claim);
            } catch (RuntimeException failed) {
                // The transaction rolled back: the import stays confirmed, and is taken over once its heartbeat stops.
                log.error("Import {}: the import failed and was rolled back", id, failed);
            } finally {
                ownImports.remove(id, claim);
            }
        });
    }

    private void run(Runnable work) {
        if (settings.background()) {
            worker.execute(work);
        } else {
            work.run();
        }
    }

    private void runCheck(long id, Path file, ImportFile.Catalogue catalogue) {
        long organisationId = jobs.organisationOf(id);
        var sink = new Sink(id, organisationId);
        long rows;
        // Closed before a refusal is written: a batch still being staged would otherwise land after the refusal has
        // dropped the staged rows.
        try (sink) {
            rows = new ImportFile(catalogue, random).check(file, sink);
            sink.finish();
        } catch (ImportFile.FileRefused refused) {
            ownTransaction.executeWithoutResult(status -> jobs.refuse(id, refused.reason(), clock.instant()));
            return;
        } catch (IOException unreadable) {
            log.warn("Import {}: the file could not be read", id, unreadable);
            ownTransaction.executeWithoutResult(
                    status -> jobs.refuse(id, Reason.of("reason.import.failed"), clock.instant()));
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            List<ImportProblem> repeated = jobs.repeatedKeys(id);
            jobs.dropLines(id, repeated.stream().map(ImportProblem::line).toList());
            jobs.problems(
                    id,
                    repeated.subList(0, (int) Math.min(repeated.size(), PROBLEMS_KEPT - sink.problemsKept)),
                    sink.problemsKept + 1);
            long present = jobs.dropPresent(id, organisationId);
            long newCode = jobs.drawCodesWhereRepeated(id);
            jobs.checked(
                    id,
                    rows,
                    sink.refusedRows + repeated.size(),
                    present,
                    newCode,
                    jobs.stagedRows(id),
                    clock.instant());
        });
    }

    /**
     * Collects checked rows and problems and writes them in batches, each in its own transaction, on a thread of its
     * own: the database stages one batch while the file's next is read and checked, where they took turns on one
     * core (docs/benchmarks.md, CSV import, Runs 9 and 10). One batch at most is staged at once, so the rows are
     * staged in the file's order and memory holds two batches.
     */
    private final class Sink implements ImportFile.Rows, AutoCloseable {

        private final long id;
        private final long organisationId;
        private final ExecutorService stager = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "licence-import-staging");
            thread.setDaemon(true);
            return thread;
        });
        private Future<?> staging = CompletableFuture.completedFuture(null);
        private List<ImportedRow> rows = new ArrayList<>(BATCH);
        private List<ImportProblem> problems = new ArrayList<>();
        private long refusedRows;
        private long problemsKept;

        // A row's problems arrive together, so a new line means a new refused row.
        private int lastRefusedLine = -1;

        Sink(long id, long organisationId) {
            this.id = id;
            this.organisationId = organisationId;
        }

        @Override
        public void accepted(ImportedRow row) {
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void refused(int line, String column, Reason reason) {
            if (line != lastRefusedLine) {
                lastRefusedLine = line;
                refusedRows++;
            }
            if (problemsKept < PROBLEMS_KEPT) {
                problemsKept++;
                problems.add(new ImportProblem(line, column, reason));
            }
            if (problems.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void read(long rowsRead, long bytesRead) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("The node is stopping");
            }
            ownTransaction.executeWithoutResult(status -> jobs.checking(id, rowsRead, bytesRead, clock.instant()));
        }

        /** Hands the rows and problems collected so far to the stager, once it has written the previous batch. */
        private void flush() {
            if (rows.isEmpty() && problems.isEmpty()) {
                return;
            }
            awaitStaging();
            List<ImportedRow> batch = rows;
            List<ImportProblem> found = problems;
            long firstNumber = problemsKept - found.size() + 1;
            rows = new ArrayList<>(BATCH);
            problems = new ArrayList<>();
            staging = stager.submit(() -> ownTransaction.executeWithoutResult(status -> {
                if (!batch.isEmpty()) {
                    jobs.stage(id, underDrawnCodeWhereTaken(batch));
                }
                if (!found.isEmpty()) {
                    jobs.problems(id, found, firstNumber);
                }
            }));
        }

        /** Writes what is left and waits until it is written; a batch that failed fails the check. */
        void finish() {
            flush();
            awaitStaging();
        }

        private void awaitStaging() {
            try {
                staging.get();
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException("A batch of the check could not be staged", failed.getCause());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The node is stopping", stopping);
            }
        }

        /** Lets a batch being written end (its failure is the check's, already or never seen), then stops the stager. */
        @Override
        public void close() {
            stager.shutdown();
            try {
                if (!stager.awaitTermination(1, TimeUnit.MINUTES)) {
                    log.warn("Import {}: a batch of its check is still being staged", id);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }

        private List<ImportedRow> underDrawnCodeWhereTaken(List<ImportedRow> batch) {
            List<String> given = batch.stream()
                    .map(ImportedRow::givenCode)
                    .filter(Objects::nonNull)
                    .toList();
            Set<String> taken = given.isEmpty() ? Set.of() : jobs.codesOfOtherOrganisations(organisationId, given);
            if (taken.isEmpty()) {
                return batch;
            }
            return batch.stream()
                    .map(row -> taken.contains(row.givenCode()) ? row.underDrawnCode() : row)
                    .toList();
        }
    }

    /**
     * Creates the import's licences in one transaction, a step of lines at a time so that its progress shows. The
     * rows whose code another licence took since the check draw a new one and go again.
     */
    private void importRows(long id, String claim) {
        long organisationId = jobs.organisationOf(id);
        boolean done = Boolean.TRUE.equals(transaction.execute(status -> {
            int[] range = jobs.lineRange(id);
            long staged = jobs.stagedRows(id);
            long created = 0;
            int linesPerStep = Math.max(LINES_PER_STEP, (range[1] - range[0]) / MOST_STEPS + 1);
            for (int from = range[0]; from <= range[1]; from += linesPerStep) {
                created += insertStep(status, id, organisationId, from, from + linesPerStep - 1);
                long soFar = created;
                ownTransaction.executeWithoutResult(beat -> jobs.importing(id, claim, soFar, clock.instant()));
            }
            // Rows not created are rows the organisation got meanwhile, or whose code another licence took.
            for (int attempt = 0; attempt < 5 && created < staged; attempt++) {
                List<Integer> left = jobs.rowsLeft(id, organisationId);
                if (left.isEmpty()) {
                    break;
                }
                for (int line : left) {
                    jobs.redraw(id, line, CouponCode.random(random).value());
                    created += jobs.insertLicencesSkippingConflicts(id, organisationId, line, line, clock.instant());
                }
            }
            if (created < staged) {
                jobs.refigure(id, jobs.afterImport(id, organisationId));
            }
            if (!jobs.imported(id, claim, created, clock.instant())) {
                status.setRollbackOnly();
                return false;
            }
            LicenceImport job = jobs.find(organisationId, id).orElseThrow();
            events.publishEvent(new LicencesImported(
                    organisationId,
                    id,
                    jobs.createdBy(id),
                    job.createdByEmail(),
                    job.fileName(),
                    created,
                    clock.instant()));
            return true;
        }));
        if (done) {
            ownTransaction.executeWithoutResult(status -> jobs.dropRows(id));
            log.info("Import {}: done", id);
        }
    }

    /**
     * One step's rows, inserted plainly under a savepoint; a step in which a row meets another licence's key or code
     * (rare: a code taken since the check, or the same file imported meanwhile) is rolled back and inserted again
     * skipping those rows. ON CONFLICT on every step cost each row a look-up in both unique indexes before its
     * insert, about 6% of the insert (docs/benchmarks.md, CSV import; decision 0111).
     */
    private long insertStep(TransactionStatus status, long id, long organisationId, int fromLine, int toLine) {
        Object savepoint = status.createSavepoint();
        try {
            int created = jobs.insertLicences(id, organisationId, fromLine, toLine, clock.instant());
            status.releaseSavepoint(savepoint);
            return created;
        } catch (DuplicateKeyException metAnotherLicence) {
            status.rollbackToSavepoint(savepoint);
            status.releaseSavepoint(savepoint);
            return jobs.insertLicencesSkippingConflicts(id, organisationId, fromLine, toLine, clock.instant());
        }
    }

    /**
     * Every so often: a confirmed import whose node has not beaten for a while is run again here, and a check whose
     * node stopped ends as interrupted (its file was on that node). This node's own imports beat here first, so
     * that one waiting in the queue or in a step longer than the stale time is not taken for stopped: a takeover
     * would end its claim, its own beats would then change nothing, and it would be taken over again and again.
     */
    @Scheduled(fixedDelayString = "${licencedesk.imports.recovery-every:PT30S}", initialDelayString = "PT5S")
    void takeOverStalled() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(settings.staleAfter());
        ownImports.forEach((id, claim) -> jobs.beat(id, claim, now));
        ownChecks.forEach(id -> jobs.beatCheck(id, now));
        for (long id : jobs.interruptStalledChecks(staleBefore, now)) {
            ownTransaction.executeWithoutResult(status -> jobs.dropRows(id));
            log.warn("Import {}: its check stopped with its node; marked interrupted", id);
        }
        deleteForgottenFiles(now.minus(Duration.ofDays(1)));
        for (long id : jobs.stalledImports(staleBefore)) {
            if (ownImports.containsKey(id)) {
                continue;
            }
            String claim = UUID.randomUUID().toString();
            if (jobs.takeOver(id, claim, staleBefore, now)) {
                log.warn("Import {}: its node stopped; this node runs it again", id);
                runImport(id, claim);
            }
        }
    }

    /**
     * A file whose check never ran (its node stopped with the check still queued) stays in the directory; its job is
     * interrupted by then. A day is far longer than any check.
     */
    private void deleteForgottenFiles(Instant before) {
        if (!Files.isDirectory(settings.directory())) {
            return;
        }
        try (var files = Files.list(settings.directory())) {
            files.filter(file -> {
                        try {
                            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .forEach(ImportRunner::deleteQuietly);
        } catch (IOException unreadable) {
            log.warn("Could not list {}", settings.directory(), unreadable);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftOver) {
            log.warn("Could not delete {}", file, leftOver);
        }
    }
}
