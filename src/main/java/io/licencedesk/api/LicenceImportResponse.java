package io.licencedesk.api;

import io.licencedesk.licence.LicenceImport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;

/** A licence import: where it stands and its report's figures (docs/csv.md). */
@Schema(name = "LicenceImport", description = "A CSV import of licences: checked first, imported on confirmation.")
public record LicenceImportResponse(
        @Schema(example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(example = "licences.csv", requiredMode = Schema.RequiredMode.REQUIRED)
        String fileName,

        @Schema(
                description = "checking, checked (the report is ready; confirm to import), refused (the file is"
                        + " not a licence CSV: see problem), importing, imported, discarded or interrupted (the"
                        + " server stopped during the check; send the file again).",
                example = "checked",
                allowableValues = {"checking", "checked", "refused", "importing", "imported", "discarded", "interrupted"
                },
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(description = "Why the whole file was refused, when it was.")
        String problem,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,

        @Schema(description = "Data rows read so far.", requiredMode = Schema.RequiredMode.REQUIRED)
        long rows,

        @Schema(description = "Rows the import would create, or creates.", requiredMode = Schema.RequiredMode.REQUIRED)
        long toCreate,

        @Schema(
                description = "Rows refused by the check (see the problems).",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long refused,

        @Schema(
                description = "Rows already imported, or whose code is one of the organisation's: left alone.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long alreadyImported,

        @Schema(description = "Rows that get a new coupon code.", requiredMode = Schema.RequiredMode.REQUIRED)
        long newCodes,

        @Schema(description = "Licences created.", requiredMode = Schema.RequiredMode.REQUIRED)
        long created,

        @Schema(description = "Progress of the running step, 0 to 100.", requiredMode = Schema.RequiredMode.REQUIRED)
        int percent) {

    static LicenceImportResponse of(LicenceImport job, String problem) {
        return new LicenceImportResponse(
                job.id(),
                job.fileName(),
                job.status().name().toLowerCase(Locale.ROOT),
                problem,
                job.createdAt(),
                job.rowsRead(),
                job.rowsToCreate(),
                job.rowsRefused(),
                job.rowsPresent(),
                job.rowsNewCode(),
                job.rowsCreated(),
                job.percent());
    }
}
