package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.LicenceImport;
import io.licencedesk.licence.LicenceImports;
import io.licencedesk.shared.Characters;
import io.licencedesk.shared.ControlCharacters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Licence imports (docs/csv.md, decision 0047): the console's two steps over the API. The file is the request's
 * body; its check runs in the background, and the import runs only when confirmed. The list pages by number, as the
 * API's other short lists do: an organisation makes a few imports, not thousands.
 */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/licence-imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Licence imports",
        description = "Staff send a CSV file in the export's columns; it is checked, saving nothing, then imported on"
                + " confirmation, all or nothing. Sending the same file again creates nothing.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class LicenceImportApiController {

    /** The longest file name an import keeps (its column's length). */
    private static final int MAX_NAME = 255;

    private final LicenceImports imports;
    private final MessageSource messages;

    LicenceImportApiController(LicenceImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            operationId = "startLicenceImport",
            summary = "Send a CSV file to check",
            description = "The body is the file itself (UTF-8, up to the server's limit, 1 GB by default). The answer"
                    + " is the import, checking; follow it until it is checked, read its problems, then confirm. A"
                    + " charset other than UTF-8 (or US-ASCII) in the Content-Type is a 415, and nothing is"
                    + " imported.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "text/csv",
                                            schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "202", description = "Accepted: the check runs in the background.")
    ResponseEntity<LicenceImportResponse> start(
            Caller caller,
            @Parameter(
                            description = "The file's name, shown in the console: up to 255 characters, without control"
                                    + " characters (without it, licences.csv).",
                            schema = @Schema(maxLength = MAX_NAME))
                    @RequestParam(required = false)
                    String name,
            HttpServletRequest request)
            throws IOException {
        checkName(name);
        LicenceImport started = imports.start(caller, name, request.getInputStream());
        return accepted(response(started));
    }

    @GetMapping
    @Operation(
            operationId = "listLicenceImports",
            summary = "List imports",
            description = "The organisation's imports, newest first, each as getLicenceImport answers it; the"
                    + " console's Licences → Import lists the same.")
    NumberedPage<LicenceImportResponse> list(
            Caller caller,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        return NumberedPage.of(imports.list(caller, page, limit), this::response);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getLicenceImport",
            summary = "Get an import: status, report figures, progress",
            description = "With its ETag: send it back in If-None-Match while following the check for a 304 Not"
                    + " Modified while nothing moved, or in If-Match to confirm the import only if it is still as you"
                    + " read it.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<LicenceImportResponse> licenceImport(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(response(imports.find(caller, id)));
    }

    @GetMapping("/{id}/problems")
    @Operation(
            operationId = "listLicenceImportProblems",
            summary = "The rows the check refused",
            description = "In line order, the first " + LicenceImports.PROBLEMS_SHOWN + "; the console's report CSV"
                    + " has them all.")
    List<ImportProblemResponse> problems(Caller caller, @PathVariable long id) {
        return imports.problems(caller, id).stream()
                .map(problem -> new ImportProblemResponse(
                        problem.line(), problem.column(), messages.getMessage(problem.reason(), Locale.ENGLISH)))
                .toList();
    }

    @PostMapping("/{id}/confirm")
    @Operation(
            operationId = "confirmLicenceImport",
            summary = "Import a checked file",
            description = "Creates every licence the check would create, in one transaction, in the background."
                    + " 409 when the import is not checked or has nothing to create. With If-Match, confirmed only"
                    + " if the import still has that ETag (a 412 precondition-failed otherwise, before the 409).")
    @ApiResponse(responseCode = "202", description = "Accepted: the import runs in the background.")
    ResponseEntity<LicenceImportResponse> confirm(
            Caller caller,
            @PathVariable long id,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        // 202 names the import to follow, as the 202 of the file sent does: it answered none.
        return accepted(response(
                imports.confirm(caller, id, ConditionalRequests.ifMatch(ifMatch, "licence import", this::response))));
    }

    /**
     * A name the import would not keep as sent is refused before the file is read: one too long was cut at 255
     * characters, and one with a control character became "licences.csv", each with a 202 as if taken. A line break
     * or a tab, which the import keeps in text, has no place in a file name either.
     */
    private static void checkName(String name) {
        if (name != null
                && (Characters.moreThan(name, MAX_NAME)
                        || ControlCharacters.in(name)
                        || name.chars().anyMatch(c -> c < 0x20))) {
            throw ApiParameters.invalid(
                    "name",
                    "The parameter name must be a file name of at most %d characters, without control characters."
                            .formatted(MAX_NAME));
        }
    }

    /** A 202 with the import's absolute address to follow (decision 0135) and its ETag (decision 0140). */
    private static ResponseEntity<LicenceImportResponse> accepted(LicenceImportResponse body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ApiLocations.of("/api/v1/licence-imports/" + body.id()))
                .eTag(EntityTags.of(body))
                .body(body);
    }

    private LicenceImportResponse response(LicenceImport job) {
        return LicenceImportResponse.of(
                job, job.fileProblem() == null ? null : messages.getMessage(job.fileProblem(), Locale.ENGLISH));
    }
}
