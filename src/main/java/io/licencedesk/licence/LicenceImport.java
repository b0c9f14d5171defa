package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import java.time.Duration;
import java.time.Instant;

/**
 * A licence import as its page shows it: the file, where it stands and its figures.
 *
 * @param rowsRead the file's data rows read so far (all of them once checked)
 * @param rowsRefused rows the check refused; none of them is imported
 * @param rowsPresent rows already imported before (or whose code the organisation already has): left alone
 * @param rowsNewCode rows that will get a new coupon code: none given, not a valid code, or another licence has it
 * @param rowsToCreate the licences the import would create
 * @param rowsInserted the licences written so far by a running import, not yet committed
 * @param rowsCreated the licences the import created
 * @param fileProblem why the file as a whole was refused, when it was
 */
public record LicenceImport(
        long id,
        String fileName,
        long fileBytes,
        ImportStatus status,
        String createdByEmail,
        Instant createdAt,
        long rowsRead,
        long bytesRead,
        long rowsRefused,
        long rowsPresent,
        long rowsNewCode,
        long rowsToCreate,
        long rowsInserted,
        long rowsCreated,
        Reason fileProblem,
        Instant heartbeatAt,
        Instant checkedAt,
        Instant importStartedAt,
        Instant finishedAt) {

    /** How far the running step is, from 0 to 100: the check by bytes read, the import by licences written. */
    public int percent() {
        return switch (status) {
            case CHECKING -> fileBytes == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileBytes);
            case IMPORTING -> rowsToCreate == 0 ? 0 : (int) Math.min(99, rowsInserted * 100 / rowsToCreate);
            default -> 100;
        };
    }

    /** Rows per second of the running step so far, or 0 before there is anything to measure. */
    public long rate(Instant now) {
        Instant start = status == ImportStatus.IMPORTING ? importStartedAt : createdAt;
        long done = status == ImportStatus.IMPORTING ? rowsInserted : rowsRead;
        long millis = start == null ? 0 : Duration.between(start, now).toMillis();
        return millis < 500 || done == 0 ? 0 : done * 1000 / millis;
    }

    /** The time the running step still needs at its rate so far, or null while it cannot be told. */
    public Duration timeLeft(Instant now) {
        int percent = percent();
        Instant start = status == ImportStatus.IMPORTING ? importStartedAt : createdAt;
        if (!status.running() || percent == 0 || start == null) {
            return null;
        }
        Duration spent = Duration.between(start, now);
        return Duration.ofMillis(spent.toMillis() * (100 - percent) / percent);
    }
}
