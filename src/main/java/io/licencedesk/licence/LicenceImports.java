package io.licencedesk.licence;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.Characters;
import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.PageOf;
import io.licencedesk.shared.Reason;
import io.licencedesk.shared.Today;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Imports licences from a CSV file in two steps (docs/csv.md, decision 0047): the file is checked in the
 * background, row by row, saving nothing but the report; then, if the manager confirms, every licence the report
 * promised is created in one transaction. The job lives in the database, so its page can be left, the browser
 * closed, and another node can finish an import whose node stopped.
 */
@Service
public class LicenceImports {

    /** The most rows of the report a page shows; the report's CSV has them all. */
    public static final int PROBLEMS_SHOWN = 1000;

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final PlanCatalogue plans;
    private final AccountManagement accounts;
    private final ImportSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LicenceImports(
            ImportJobs jobs,
            ImportRunner runner,
            PlanCatalogue plans,
            AccountManagement accounts,
            ImportSettings settings,
            Clock clock,
            TransactionTemplate transaction) {
        this.jobs = jobs;
        this.runner = runner;
        this.plans = plans;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * Receives a file and starts its check in the background. The file is kept on this node's disk only until its
     * check ends.
     *
     * @throws ImportRefusedException when the file is larger than the import takes
     */
    public LicenceImport start(Caller caller, String fileName, InputStream body) throws IOException {
        LicenceManagement.requireStaff(caller);
        var catalogue = new ImportFile.Catalogue(
                plans.plans(caller).stream()
                        .collect(Collectors.toMap(
                                plan -> plan.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a)),
                accounts.clientIdsByEmail(caller.organisationId()),
                // The manager's today may be ahead of the server's: a payment date's rule (decision 0131).
                Today.latestAnywhere(clock));
        Path file = settings.directory().resolve(UUID.randomUUID() + ".csv");
        Files.createDirectories(settings.directory());
        long bytes;
        try (OutputStream out = Files.newOutputStream(file)) {
            bytes = copyAtMost(body, out, settings.maxSize());
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(file);
            throw failed;
        }
        String name = fileName == null || fileName.isBlank() || ControlCharacters.in(fileName)
                ? "licences.csv"
                : fileName.strip();
        long id = jobs.create(
                caller.organisationId(),
                caller.userId(),
                Characters.moreThan(name, 255) ? name.substring(0, name.offsetByCodePoints(0, 255)) : name,
                bytes,
                clock.instant());
        runner.check(id, file, catalogue);
        return find(caller, id);
    }

    public LicenceImport find(Caller caller, long id) {
        LicenceManagement.requireStaff(caller);
        return jobs.find(caller.organisationId(), id).orElseThrow(ImportNotFoundException::new);
    }

    /**
     * The import that created the licence, if one did: an import publishes no event per licence (decision 0047), so
     * this is what the licence's page names where its history has no "Created".
     */
    public Optional<LicenceImport> creatorOf(Caller caller, long licenceId) {
        LicenceManagement.requireStaff(caller);
        return jobs.creatorOf(caller.organisationId(), licenceId);
    }

    /** The organisation's latest imports, newest first. */
    public List<LicenceImport> recent(Caller caller) {
        LicenceManagement.requireStaff(caller);
        return jobs.recent(caller.organisationId(), 20);
    }

    /** Every import of the organisation, newest first, a numbered page at a time (past the last: the last). */
    public PageOf<LicenceImport> list(Caller caller, int page, int size) {
        LicenceManagement.requireStaff(caller);
        long organisationId = caller.organisationId();
        return PageOf.read(
                page, size, jobs.count(organisationId), (offset, limit) -> jobs.page(organisationId, offset, limit));
    }

    /** The first {@link #PROBLEMS_SHOWN} refused rows, in line order. */
    public List<ImportProblem> problems(Caller caller, long id) {
        return jobs.problems(find(caller, id).id(), PROBLEMS_SHOWN);
    }

    /** Every refused row the import kept, in line order, for the report's CSV. */
    public void eachProblem(Caller caller, long id, Consumer<ImportProblem> each) {
        jobs.eachProblem(find(caller, id).id(), ImportRunner.PROBLEMS_KEPT, each);
    }

    /**
     * The manager confirms a checked import: its licences are created in the background, all or none.
     *
     * @throws ImportRefusedException when the import is not a checked one (already imported, discarded, running)
     */
    public LicenceImport confirm(Caller caller, long id) {
        return confirm(caller, id, null);
    }

    /**
     * As {@link #confirm(Caller, long)}, once {@code expected} has accepted the import as it is under its row lock,
     * before its state is judged: it throws to refuse, and nothing starts. The REST API's If-Match (decision 0140):
     * two programs that read one checked import and both confirm it with its ETag get one 202 and one 412, the
     * second told that the import moved on rather than only that it is no longer checked. Null: no condition.
     */
    public LicenceImport confirm(Caller caller, long id, Consumer<LicenceImport> expected) {
        LicenceManagement.requireStaff(caller);
        String claim = UUID.randomUUID().toString();
        transaction.executeWithoutResult(started -> {
            if (!jobs.lock(caller.organisationId(), id)) {
                throw new ImportNotFoundException();
            }
            LicenceImport checked = find(caller, id);
            if (expected != null) {
                expected.accept(checked);
            }
            if (checked.status() != ImportStatus.CHECKED || checked.rowsToCreate() == 0) {
                throw new ImportRefusedException(Reason.of("reason.import.notConfirmable"));
            }
            if (!jobs.startImport(caller.organisationId(), id, claim, clock.instant())) {
                throw new ImportRefusedException(Reason.of("reason.import.notConfirmable"));
            }
        });
        // After the commit: the background import reads the claim the transaction above wrote.
        runner.runImport(id, claim);
        return find(caller, id);
    }

    /** Throws a check away (its staged rows with it); an import already made stays. */
    public LicenceImport discard(Caller caller, long id) {
        find(caller, id);
        if (!jobs.discard(caller.organisationId(), id, clock.instant())) {
            throw new ImportRefusedException(Reason.of("reason.import.notDiscardable"));
        }
        return find(caller, id);
    }

    private static long copyAtMost(InputStream in, OutputStream out, DataSize limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > limit.toBytes()) {
                throw new ImportRefusedException(
                        Reason.of("reason.import.tooLarge", Long.toString(limit.toMegabytes())));
            }
            out.write(buffer, 0, read);
        }
        return total;
    }
}
