package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.exports.CsvExports;
import io.licencedesk.exports.CsvSeparator;
import io.licencedesk.licence.BulkOutcome;
import io.licencedesk.licence.CursorOfAnotherOrderException;
import io.licencedesk.licence.InvalidLicenceException;
import io.licencedesk.licence.LicenceBulkActions;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.shared.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Licences for staff: the console's list, add, pause, resume, delete, screens and history, through the same façades.
 */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/licences", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Licences", description = "Staff: every licence of the organisation.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class LicenceApiController {

    /** The most licences one bulk pause or resume names: a page of the list at its largest. */
    static final int MOST_IN_A_BULK_ACTION = 100;

    private final LicenceManagement licences;
    private final LicenceBulkActions bulk;
    private final ScreenManagement screens;
    private final AuditTrail audit;
    private final ClientParameter clients;
    private final CsvExports exports;

    LicenceApiController(
            LicenceManagement licences,
            LicenceBulkActions bulk,
            ScreenManagement screens,
            AuditTrail audit,
            ClientParameter clients,
            CsvExports exports) {
        this.licences = licences;
        this.bulk = bulk;
        this.screens = screens;
        this.audit = audit;
        this.clients = clients;
        this.exports = exports;
    }

    @Schema(name = "LicenceSelection")
    record SelectionRequest(
            @Schema(description = "1 to 100 of your licences, by id.", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "Name at least one licence.")
            @Size(min = 1, max = MOST_IN_A_BULK_ACTION, message = "Name 1 to 100 licences at a time.")
            List<@NotNull(message = "Name each licence by its id; null is none.") Long> licenceIds) {}

    @Schema(name = "BulkOutcome")
    record BulkResponse(
            @Schema(
                    description = "Codes of the licences changed, in the order named.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> done,

            @Schema(
                    description = "Codes of the licences left as they were, under the status that refused"
                            + " the change: {\"expired\": [\"K7Q2M9XA\"], \"paused\": […]}.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, List<String>> refused,

            @Schema(
                    description = "Licences deleted between the request's check and their turn.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            int deletedMeanwhile) {

        static BulkResponse of(BulkOutcome outcome) {
            var refused = new LinkedHashMap<String, List<String>>();
            outcome.refused()
                    .forEach((status, codes) -> refused.put(status.name().toLowerCase(Locale.ROOT), codes));
            return new BulkResponse(outcome.done(), refused, outcome.gone());
        }
    }

    @GetMapping
    @Operation(
            operationId = "listLicences",
            summary = "List licences",
            description = "The console's list: filters, search, sort and stable cursor pagination, newest first by"
                    + " default; sorted by another column, ascending unless `order=desc`. Pass a page's nextCursor as"
                    + " `after` (or previousCursor as `before`) with the same"
                    + " filters; a cursor holds the sort and order it was made in, and another sort or order is a"
                    + " 400 bad-parameter naming them.")
    LicencePage list(
            Caller caller,
            @LicenceListParameters.Client @RequestParam(required = false) Long client,
            @LicenceListParameters.ExpiringSoon @RequestParam(defaultValue = "false") boolean expiringSoon,
            @LicenceListParameters.Expired @RequestParam(defaultValue = "false") boolean expired,
            @LicenceListParameters.Status @RequestParam(required = false) String status,
            @LicenceListParameters.Search @RequestParam(required = false) String q,
            @LicenceListParameters.Sort @RequestParam(defaultValue = "created") String sort,
            @LicenceListParameters.Order @RequestParam(required = false) String order,
            @CursorParameters.After @RequestParam(required = false) String after,
            @CursorParameters.Before @RequestParam(required = false) String before,
            @Parameter(description = "Licences per page, 1 to 100.") @RequestParam(defaultValue = "25") int limit,
            @LicenceListParameters.InUseOn @RequestParam(required = false) String inUseOn) {
        LicenceFilter filter = LicenceListParameters.filter(
                caller, clients, client, expiringSoon, expired, status, q, sort, order, inUseOn);
        ApiParameters.checkLimit(limit);
        if (after != null && before != null) {
            throw ApiParameters.invalid("before", "Pass either after or before, not both.");
        }
        try {
            return LicencePage.of(licences.list(caller, filter, new LicencePageRequest(after, before, false, limit)));
        } catch (CursorOfAnotherOrderException otherOrder) {
            String parameter = after != null ? "after" : "before";
            throw ApiParameters.invalid(
                    parameter,
                    Reason.of(
                            "reason.api.cursorOfAnotherOrder",
                            parameter,
                            otherOrder.sort().name().toLowerCase(Locale.ROOT),
                            otherOrder.ascending() ? "asc" : "desc"));
        } catch (InvalidLicenceException refused) {
            if (!refused.field().equals("cursor")) {
                throw refused;
            }
            // The list names a bad cursor "cursor" for the console's page link; here it is the query parameter
            // sent, and a parameter that cannot be read is a 400 bad-parameter (docs/api.md), not a 422.
            String parameter = after != null ? "after" : "before";
            throw ApiParameters.invalid(
                    parameter,
                    "The parameter %s is not a cursor of this list: pass a page's nextCursor as after or its"
                                    .formatted(parameter)
                            + " previousCursor as before, with the same filters.");
        }
    }

    @GetMapping(
            path = "/export",
            produces = {CsvResponse.TEXT_CSV, MediaType.ALL_VALUE})
    @Operation(
            operationId = "exportLicences",
            summary = "Export licences (CSV)",
            description = "What listLicences lists for the same filters, search and sort, every page, as the"
                    + " console's Export: one CSV file, streamed as it is read, in the columns a licence import"
                    + " reads back (code, name, note, client_email, client_company, plan, screens, amount, currency,"
                    + " status, billing_status, created, activated, ends). A filter that cannot be read is a 400"
                    + " bad-parameter, before the file starts.")
    @CsvResponse
    void export(
            Caller caller,
            @LicenceListParameters.Client @RequestParam(required = false) Long client,
            @LicenceListParameters.ExpiringSoon @RequestParam(defaultValue = "false") boolean expiringSoon,
            @LicenceListParameters.Expired @RequestParam(defaultValue = "false") boolean expired,
            @LicenceListParameters.Status @RequestParam(required = false) String status,
            @LicenceListParameters.Search @RequestParam(required = false) String q,
            @LicenceListParameters.Sort @RequestParam(defaultValue = "created") String sort,
            @LicenceListParameters.Order @RequestParam(required = false) String order,
            @LicenceListParameters.InUseOn @RequestParam(required = false) String inUseOn,
            @CsvSeparatorParameter.Separator @RequestParam(required = false) String separator,
            HttpServletResponse response)
            throws IOException {
        CsvSeparator cells = CsvSeparatorParameter.of(separator);
        exports.licences(
                caller,
                LicenceListParameters.filter(
                        caller, clients, client, expiringSoon, expired, status, q, sort, order, inUseOn),
                cells,
                // named in English whatever the request's language (decision 0174)
                "licences",
                response);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "Created.")
    @Operation(
            operationId = "createLicence",
            summary = "Create a licence",
            description = "Assigned to a client (clientId) or unassigned, with a coupon code a client redeems. A"
                    + " refused body is one 422 naming every field at fault, and creates nothing.")
    ResponseEntity<LicenceResponse> create(
            Caller caller, @Valid @RequestBody CreateLicenceRequest request, BindingResult refused)
            throws BindException {
        if (refused.hasErrors()) {
            // A plan or quantity left out: the rules' refusals of the other fields are answered with it.
            FieldRefusals.refuse(
                    refused,
                    licences.newRefusals(
                            caller,
                            request.planId(),
                            request.name(),
                            request.note(),
                            request.quantity(),
                            request.clientId()));
            FieldRefusals.answerIfAny(refused);
        }
        LicenceResponse created = LicenceResponse.of(licences.create(caller, request.toNewLicence()));
        return ConditionalRequests.created("/api/v1/licences/" + created.id(), created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getLicence",
            summary = "Get a licence",
            description = "With its ETag: send it back in If-Match to change or delete the licence only if it is"
                    + " still as you read it, or in If-None-Match for a 304 Not Modified while it is.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<LicenceResponse> licence(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(LicenceResponse.of(licences.details(caller, id)));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateLicence",
            summary = "Change a licence",
            description = "Only the fields sent change, within the rules (see LicenceChanges). A refused change is"
                    + " one 422 naming every field at fault with its reason, and changes nothing. Recorded in the"
                    + " history, and"
                    + " published as licence.updated (and licence.assigned when it gets a client). With If-Match, made"
                    + " only if the licence still has that ETag (a 412 precondition-failed otherwise, before the"
                    + " body's fields are judged).")
    ResponseEntity<LicenceResponse> update(
            Caller caller,
            @PathVariable long id,
            @RequestBody EditLicenceRequest changes,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        return ConditionalRequests.tagged(LicenceResponse.of(licences.edit(
                caller, id, ConditionalRequests.ifMatch(ifMatch, "licence", LicenceResponse::of), changes::over)));
    }

    @PostMapping("/{id}/pause")
    @Operation(
            operationId = "pauseLicence",
            summary = "Pause a licence",
            description = "Its screens stop playing until it is resumed.")
    ResponseEntity<LicenceResponse> pause(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(LicenceResponse.of(licences.pause(caller, id)));
    }

    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeLicence", summary = "Resume a paused licence")
    ResponseEntity<LicenceResponse> resume(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(LicenceResponse.of(licences.resume(caller, id)));
    }

    @PostMapping(path = "/pause", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "pauseLicences",
            summary = "Pause many licences",
            description = "The console's bulk pause: each licence in its own transaction, so one refused (already"
                    + " paused, or expired) does not undo the others; the answer says what happened to"
                    + " each. A body naming a licence that is not one of yours is a 422 naming it"
                    + " (licenceIds[1]), and pauses nothing.")
    BulkResponse pauseMany(Caller caller, @Valid @RequestBody SelectionRequest request, BindingResult refused)
            throws BindException {
        requireYours(caller, request, refused);
        return BulkResponse.of(bulk.pause(caller, request.licenceIds()));
    }

    @PostMapping(path = "/resume", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "resumeLicences",
            summary = "Resume many licences",
            description = "As pauseLicences: each paused licence named is resumed in its own transaction, and the"
                    + " others are listed under their status.")
    BulkResponse resumeMany(Caller caller, @Valid @RequestBody SelectionRequest request, BindingResult refused)
            throws BindException {
        requireYours(caller, request, refused);
        return BulkResponse.of(bulk.resume(caller, request.licenceIds()));
    }

    /**
     * Every licence named is one of the caller's, or the request is a 422 naming each that is not, with the same
     * words for another organisation's and nobody's (as sendInvoices): a bulk action changes nothing it cannot name.
     * The selection, up to 100 ids, is checked in one query (it was one lookup an id).
     */
    private void requireYours(Caller caller, SelectionRequest request, BindingResult refused) throws BindException {
        FieldRefusals.answerIfAny(refused);
        List<Long> ids = request.licenceIds();
        FieldRefusals.refuse(refused, FieldRefusals.notYours(ids, licences.notYours(caller, ids)));
        FieldRefusals.answerIfAny(refused);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteLicence",
            summary = "Delete a licence",
            description = "Refused (409, with the reason) once a client used it or it was invoiced. With If-Match,"
                    + " deleted only if the licence still has that ETag (a 412 precondition-failed otherwise).")
    void delete(
            Caller caller,
            @PathVariable long id,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        licences.delete(caller, id, ConditionalRequests.ifMatch(ifMatch, "licence", LicenceResponse::of));
    }

    @GetMapping("/{id}/screens")
    @Operation(
            operationId = "listLicenceScreens",
            summary = "A licence's screens",
            description = "As the console's licence page lists them: oldest first, removed ones left out, each with"
                    + " whether a device took its seat and its last check-in. Staff read them; the client registers,"
                    + " renames and removes them (the portal's operations).")
    NumberedPage<ScreenResponse> screens(
            Caller caller,
            @PathVariable long id,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        return NumberedPage.of(screens.screens(caller, id, null, page, limit).page(), ScreenResponse::of);
    }

    @GetMapping("/{id}/history")
    @Operation(
            operationId = "getLicenceHistory",
            summary = "A licence's history",
            description = "Every change, newest first, with before and after: as the console shows them, and as"
                    + " values a program reads. Cursor pages, as the licence list: pass a page's nextCursor as"
                    + " `after` (or previousCursor as `before`).")
    HistoryPage history(
            Caller caller,
            @PathVariable long id,
            @CursorParameters.After @RequestParam(required = false) String after,
            @CursorParameters.Before @RequestParam(required = false) String before,
            @Parameter(description = "Entries per page, 1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkLimit(limit);
        if (after != null && before != null) {
            throw ApiParameters.invalid("before", "Pass either after or before, not both.");
        }
        licences.details(caller, id); // not found unless the caller may see it
        var page = new AuditPageRequest(
                historyCursor("after", after, id), historyCursor("before", before, id), false, limit);
        return HistoryPage.of(id, audit.licenceHistory(caller, id, page));
    }

    /**
     * The entry a history cursor names, refused unless it is a cursor of this licence's history: another licence's,
     * read as a place in this one, answered a page from somewhere in it (decision 0101).
     */
    private static Long historyCursor(String parameter, String cursor, long licenceId) {
        if (cursor == null) {
            return null;
        }
        HistoryPage.Place place = HistoryPage.place(cursor);
        if (place == null) {
            throw ApiParameters.invalid(
                    parameter,
                    "The parameter %s is not a cursor of this list: pass a page's nextCursor as after or its"
                                    .formatted(parameter)
                            + " previousCursor as before.");
        }
        if (place.licenceId() != licenceId) {
            throw ApiParameters.invalid(
                    parameter, Reason.of("reason.api.cursorOfAnotherLicence", parameter, place.licenceId()));
        }
        return place.entryId();
    }
}
