package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.devices.RegisteredScreen;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicence;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.RedemptionLimits;
import io.licencedesk.web.ApiProblemWriter;
import io.licencedesk.web.Downloads;
import io.licencedesk.web.WaitInWords;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
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
 * The portal for a client's token: their own licences, redeeming a coupon code (with the portal's limits and
 * its one refusal for every code that cannot be redeemed), starting a licence, its screens, and their invoices.
 */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/portal", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Portal", description = "A client's token: their own licences, screens and invoices.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class PortalApiController {

    /** RFC 9745's header: the answer's form is deprecated since the date it names. */
    static final String DEPRECATION = "Deprecation";

    /** 2026-12-07, when a licence's screens began to page, as RFC 9745's structured date (seconds since 1970). */
    static final String WHOLE_LIST_DEPRECATED = "@1796601600";

    private final ClientLicences licences;
    private final RedemptionLimits limits;
    private final ScreenManagement screens;
    private final InvoiceManagement invoicing;

    PortalApiController(
            ClientLicences licences, RedemptionLimits limits, ScreenManagement screens, InvoiceManagement invoicing) {
        this.licences = licences;
        this.limits = limits;
        this.screens = screens;
        this.invoicing = invoicing;
    }

    @Schema(name = "Redemption")
    record RedemptionRequest(
            @Schema(example = "K7Q2M9XA", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "Enter the coupon code of the licence to add.")
            @Size(max = 100, message = "That is not a coupon code.")
            String code) {}

    @Schema(name = "ScreenName")
    record ScreenRequest(
            @Schema(example = "Lobby left", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "Name the screen.")
            String name) {}

    @Schema(name = "RegisteredScreen")
    record RegisteredScreenResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            ScreenResponse screen,

            @Schema(
                    description = "The device credential, shown once: the screen sends it to the device API.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String credential) {}

    @GetMapping("/licences")
    @Operation(operationId = "listMyLicences", summary = "My licences")
    NumberedPage<PortalLicenceResponse> licences(
            Caller client,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        return NumberedPage.of(licences.licences(client, page, limit), PortalLicenceResponse::of);
    }

    @GetMapping("/licences/{id}")
    @Operation(
            operationId = "getMyLicence",
            summary = "One of my licences",
            description = "With its ETag: send it back in If-Match to start the licence only if it is still as you"
                    + " read it, or in If-None-Match for a 304 Not Modified while it is.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<PortalLicenceResponse> licence(Caller client, @PathVariable long id) {
        return ConditionalRequests.tagged(PortalLicenceResponse.of(licences.licence(client, id)));
    }

    @PostMapping(path = "/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "redeemCoupon",
            summary = "Redeem a coupon code",
            description = "The licence becomes mine and starts today. Every code that cannot be redeemed gets the"
                    + " same refusal (422); too many attempts are 429 with Retry-After.")
    @ApiResponse(
            responseCode = "201",
            description = "Redeemed: the licence, now mine.",
            content = @Content(schema = @Schema(implementation = PortalLicenceResponse.class)))
    ResponseEntity<?> redeem(Caller client, @Valid @RequestBody RedemptionRequest request, HttpServletRequest http) {
        OptionalLong wait = limits.attempt(client.userId(), http.getRemoteAddr());
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblemWriter.problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate-limited",
                            "Too many requests",
                            "Too many coupon codes tried; try again in " + WaitInWords.inEnglish(wait.getAsLong())
                                    + "."));
        }
        ClientLicence redeemed = licences.redeem(client, request.code());
        return ConditionalRequests.created(
                "/api/v1/portal/licences/" + redeemed.id(), PortalLicenceResponse.of(redeemed));
    }

    @PostMapping("/licences/{id}/activate")
    @Operation(
            operationId = "activateMyLicence",
            summary = "Start an assigned licence",
            description = "Its first term starts today. With If-Match, started only if the licence still has that"
                    + " ETag (a 412 precondition-failed otherwise, before the 409 of a licence already started).")
    ResponseEntity<PortalLicenceResponse> activate(
            Caller client,
            @PathVariable long id,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        return ConditionalRequests.tagged(PortalLicenceResponse.of(licences.activate(
                client, id, ConditionalRequests.ifMatch(ifMatch, "licence", PortalLicenceResponse::of))));
    }

    @GetMapping("/licences/{id}/screens")
    @Operation(
            operationId = "listScreens",
            summary = "A licence's screens",
            description = "The licence's registered screens, oldest first, in numbered pages as the API's other short"
                    + " lists (and a licence's screens for staff): page from 1, limit 1 to 100 (default 25), answered"
                    + " with page, limit, total and hasMore. Send page (page=1 for the first): a request with neither"
                    + " page nor limit, as programs written before December 2026 send it, still gets every screen in"
                    + " one array, with a Deprecation header (decision 0140).")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/NumberedPageScreen")))
    ResponseEntity<?> screens(
            Caller client,
            @PathVariable long id,
            @Parameter(
                            description = "Page number, from 1. Past the last page: the last page.",
                            required = true,
                            schema = @Schema(type = "integer", format = "int32", minimum = "1"))
                    @RequestParam(required = false)
                    Integer page,
            @Parameter(
                            description = "1 to 100.",
                            schema = @Schema(type = "integer", format = "int32", defaultValue = "25"))
                    @RequestParam(required = false)
                    Integer limit) {
        if (page == null && limit == null) {
            return everyScreen(client, id);
        }
        int number = page == null ? 1 : page;
        int size = limit == null ? 25 : limit;
        ApiParameters.checkPage(number);
        ApiParameters.checkLimit(size);
        return ResponseEntity.ok(
                NumberedPage.of(screens.screens(client, id, null, number, size).page(), ScreenResponse::of));
    }

    /**
     * The list's form before it paged (decision 0140): every screen in one array, for a program that sends neither
     * page nor limit, which the list refused (400) until it paged, so that no program written for the array is
     * given a page it cannot read. Up to 10,000 screens, about 2 MB: the Deprecation header (RFC 9745) says to page.
     */
    private ResponseEntity<List<ScreenResponse>> everyScreen(Caller client, long id) {
        return ResponseEntity.ok()
                .header(DEPRECATION, WHOLE_LIST_DEPRECATED)
                .body(screens.screens(client, id).stream()
                        .map(ScreenResponse::of)
                        .toList());
    }

    @PostMapping(path = "/licences/{id}/screens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "registerScreen",
            summary = "Register a screen",
            description = "Answers the device credential once. Refused (409 conflict) when every screen of the"
                    + " licence is registered, when the licence has expired, and when another of its screens has"
                    + " the name (errors naming name).")
    @ApiResponse(responseCode = "201", description = "Registered.")
    ResponseEntity<RegisteredScreenResponse> register(
            Caller client,
            @PathVariable long id,
            @Valid @RequestBody ScreenRequest request,
            BindingResult refused,
            HttpServletRequest http)
            throws BindException {
        if (refused.hasErrors()) {
            licences.licence(client, id); // another client's licence is a 404, whatever the body says (0077)
            FieldRefusals.answerIfAny(refused);
        }
        RegisteredScreen registered = screens.register(client, id, request.name());
        http.setAttribute(IdempotencyFilter.ANSWER_HOLDS_A_SECRET, true); // its credential is never stored
        return ResponseEntity.created(ApiLocations.of("/api/v1/portal/licences/" + id + "/screens/"
                        + registered.screen().id()))
                .body(new RegisteredScreenResponse(ScreenResponse.of(registered.screen()), registered.credential()));
    }

    @GetMapping("/licences/{id}/screens/{screenId}")
    @Operation(
            operationId = "getScreen",
            summary = "One screen of a licence",
            description = "What registering a screen answers as its Location.")
    ScreenResponse screen(Caller client, @PathVariable long id, @PathVariable long screenId) {
        return ScreenResponse.of(liveScreen(client, id, screenId));
    }

    /** The screen, if it is one of this client's licence's live screens; otherwise not found. */
    private Screen liveScreen(Caller client, long id, long screenId) {
        return screens.screen(client, id, screenId);
    }

    @PatchMapping(path = "/licences/{id}/screens/{screenId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "renameScreen",
            summary = "Rename a screen",
            description = "Refused (409 conflict, errors naming name) when another screen of the licence has the name.")
    ScreenResponse rename(
            Caller client,
            @PathVariable long id,
            @PathVariable long screenId,
            @Valid @RequestBody ScreenRequest request,
            BindingResult refused)
            throws BindException {
        // A screen the client cannot see is a 404 whatever the body says (0077): an empty or taken name of a screen
        // that is not there was a 422 or a 409.
        liveScreen(client, id, screenId);
        FieldRefusals.answerIfAny(refused);
        return ScreenResponse.of(screens.rename(client, id, screenId, request.name()));
    }

    @DeleteMapping("/licences/{id}/screens/{screenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "removeScreen",
            summary = "Remove a screen",
            description = "Its device stops playing and its seat is free again.")
    void remove(Caller client, @PathVariable long id, @PathVariable long screenId) {
        screens.remove(client, id, screenId);
    }

    @GetMapping("/invoices")
    @Operation(operationId = "listMyInvoices", summary = "My invoices")
    NumberedPage<InvoiceResponse> invoices(
            Caller client,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        return NumberedPage.of(invoicing.clientInvoices(client, page, limit), InvoiceResponse::of);
    }

    @GetMapping("/invoices/{id}")
    @Operation(
            operationId = "getMyInvoice",
            summary = "One of my invoices",
            description = "JSON, or the PDF with Accept: application/pdf (as …/pdf answers it).")
    InvoiceResponse invoice(Caller client, @PathVariable long id) {
        return InvoiceResponse.of(invoicing.clientInvoice(client, id));
    }

    @GetMapping(path = "/invoices/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Hidden // getMyInvoice and getMyInvoicePdf describe it: one operation of a generated client answers one type
    ResponseEntity<byte[]> pdfByAccept(Caller client, @PathVariable long id) {
        return pdf(client, id);
    }

    @GetMapping(path = "/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "getMyInvoicePdf", summary = "One of my invoices' PDF")
    @PdfResponse
    ResponseEntity<byte[]> pdf(Caller client, @PathVariable long id) {
        Invoice invoice = invoicing.clientInvoice(client, id);
        return Downloads.pdf(InvoiceManagement.pdfFileName(invoice), invoicing.clientPdf(client, id));
    }
}
