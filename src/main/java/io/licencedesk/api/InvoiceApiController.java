package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.exports.CsvExports;
import io.licencedesk.exports.CsvSeparator;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceSearch;
import io.licencedesk.invoicing.LicencesWithoutClientException;
import io.licencedesk.invoicing.SendOutcome;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import io.licencedesk.web.Downloads;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices for staff: send for up to 20 licences, list, read, the PDF, mark paid, remove the payment, void, send again. */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Invoices", description = "Staff: issuing, sending and settling invoices.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class InvoiceApiController {

    private final InvoiceManagement invoicing;
    private final InvoiceSearch search;
    private final ClientParameter clients;
    private final LicenceManagement licences;
    private final CsvExports exports;

    InvoiceApiController(
            InvoiceManagement invoicing,
            InvoiceSearch search,
            ClientParameter clients,
            LicenceManagement licences,
            CsvExports exports) {
        this.invoicing = invoicing;
        this.search = search;
        this.clients = clients;
        this.licences = licences;
        this.exports = exports;
    }

    @Schema(name = "SendInvoices")
    record SendRequest(
            @Schema(description = "1 to 20 licences with a client.", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "Name at least one licence.")
            @Size(min = 1, max = InvoiceManagement.MAX_SELECTION, message = "Send 1 to 20 licences at a time.")
            List<@NotNull(message = "Name each licence by its id; null is none.") Long> licenceIds) {}

    @Schema(name = "SendOutcome")
    record SendResponse(
            @Schema(
                    description = "Invoices issued now, e-mailed with their PDF, in the order of licenceIds.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<InvoiceResponse> issued,

            @Schema(
                    description =
                            "Invoices that already existed for the licence's current term, e-mailed again, in the order"
                                    + " of licenceIds.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<InvoiceResponse> resent,

            @Schema(
                    description = "Invoices that already existed for the licence's current term and whose e-mail was"
                            + " still waiting to be sent: nothing more was queued. In the order of licenceIds.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<InvoiceResponse> waiting) {

        static SendResponse of(SendOutcome outcome) {
            return new SendResponse(
                    outcome.issued().stream().map(InvoiceResponse::of).toList(),
                    outcome.resent().stream().map(InvoiceResponse::of).toList(),
                    outcome.waiting().stream().map(InvoiceResponse::of).toList());
        }
    }

    @Schema(name = "MarkPaid")
    record PaidRequest(
            @Schema(example = "2026-12-01", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "Enter the payment date.")
            LocalDate paidOn,

            @Size(max = 100, message = "Keep the reference to 100 characters.") @PlainText
            String reference) {}

    @Schema(name = "VoidInvoice")
    record VoidRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "Say why the invoice is voided.")
            @Size(max = 500, message = "Keep the reason to 500 characters.")
            @PlainText
            String reason) {}

    @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "sendInvoices",
            summary = "Send invoices",
            description = "The console's \"Send invoices\": one invoice per licence for its current term, e-mailed to"
                    + " its client with the PDF; a licence already invoiced for the term has that invoice sent again."
                    + " All or nothing: an id that is not one of your licences, or a licence without a client,"
                    + " refuses the whole request: a 422 naming each in errors (licenceIds[1]). Each list of the"
                    + " answer is in the order of licenceIds, and each invoice names its licenceId.")
    SendResponse send(Caller caller, @Valid @RequestBody SendRequest request, BindingResult refused)
            throws BindException {
        FieldRefusals.answerIfAny(refused);
        List<Long> ids = request.licenceIds();
        FieldRefusals.refuse(refused, FieldRefusals.notYours(ids, licences.notYours(caller, ids)));
        FieldRefusals.answerIfAny(refused);
        try {
            return SendResponse.of(invoicing.send(caller, ids));
        } catch (LicencesWithoutClientException withoutClient) {
            // Each named, as a licence not of yours is: a 422 `refused` without `errors` left a program to find
            // which of 20 to fix from a coupon code in the detail.
            FieldRefusals.refuse(
                    refused,
                    FieldRefusals.selection(
                            ids,
                            withoutClient.codes().keySet(),
                            id -> Reason.of(
                                    "reason.api.licenceWithoutClient",
                                    Long.toString(id),
                                    withoutClient.codes().get(id))));
            FieldRefusals.answerIfAny(refused);
            throw withoutClient;
        } catch (LicenceNotFoundException notYours) {
            // Deleted between the check above and the send's lock: named as the check names one not of yours, not
            // a 404 that named none of 20.
            FieldRefusals.refuse(
                    refused,
                    Map.of(
                            "licenceIds[%d]".formatted(request.licenceIds().indexOf(notYours.id())),
                            Reason.of("reason.api.licenceNotYours", Long.toString(notYours.id()))));
            FieldRefusals.answerIfAny(refused);
            throw notYours;
        }
    }

    @GetMapping
    @Operation(
            operationId = "listInvoices",
            summary = "List invoices",
            description = "Newest first, with the console's invoices page's filters: a status or a group of them, a"
                    + " client, the month they were issued or paid in, and a keyword. A search counts up to 1,001"
                    + " matches: past 1,000, totalCapped is true and the pages go on while hasMore is.")
    InvoicePage list(
            Caller caller,
            @InvoiceListParameters.Status @RequestParam(required = false) String status,
            @InvoiceListParameters.Client @RequestParam(required = false) Long client,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit,
            @InvoiceListParameters.IssuedIn @RequestParam(required = false) String issuedIn,
            @InvoiceListParameters.PaidIn @RequestParam(required = false) String paidIn,
            @InvoiceListParameters.Search @RequestParam(required = false) String q) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        var filter = InvoiceListParameters.filter(caller, clients, status, client, issuedIn, paidIn, q);
        return InvoicePage.of(search.invoices(caller, filter, page, limit));
    }

    @GetMapping("/totals")
    @Operation(
            operationId = "getInvoiceTotals",
            summary = "What the listed invoices add up to",
            description = "For the same filters as listInvoices, every page of it, what the console's invoices page"
                    + " sums below its list: how many invoices, their net, VAT and total (void ones counted, not"
                    + " added), and of those the paid, unpaid and overdue totals, one entry per currency. A filter"
                    + " that cannot be read is a 400 bad-parameter, as for the list.")
    InvoiceTotalsResponse totals(
            Caller caller,
            @InvoiceListParameters.Status @RequestParam(required = false) String status,
            @InvoiceListParameters.Client @RequestParam(required = false) Long client,
            @InvoiceListParameters.IssuedIn @RequestParam(required = false) String issuedIn,
            @InvoiceListParameters.PaidIn @RequestParam(required = false) String paidIn,
            @InvoiceListParameters.Search @RequestParam(required = false) String q) {
        var filter = InvoiceListParameters.filter(caller, clients, status, client, issuedIn, paidIn, q);
        return InvoiceTotalsResponse.of(search.sums(caller, filter));
    }

    @GetMapping(
            path = "/export",
            produces = {CsvResponse.TEXT_CSV, MediaType.ALL_VALUE})
    @Operation(
            operationId = "exportInvoices",
            summary = "Export invoices (CSV)",
            description = "What listInvoices lists for the same filters, every page, newest first, as the console's"
                    + " invoices Export, for the accountant: number, dates, client, net, VAT rate and amount, total,"
                    + " status, paid date and reference, screens and unit price. A filter that cannot be"
                    + " read is a 400 bad-parameter, before the file starts.")
    @CsvResponse
    void export(
            Caller caller,
            @InvoiceListParameters.Status @RequestParam(required = false) String status,
            @InvoiceListParameters.Client @RequestParam(required = false) Long client,
            @InvoiceListParameters.IssuedIn @RequestParam(required = false) String issuedIn,
            @InvoiceListParameters.PaidIn @RequestParam(required = false) String paidIn,
            @InvoiceListParameters.Search @RequestParam(required = false) String q,
            @CsvSeparatorParameter.Separator @RequestParam(required = false) String separator,
            HttpServletResponse response)
            throws IOException {
        CsvSeparator cells = CsvSeparatorParameter.of(separator);
        exports.invoices(
                caller,
                InvoiceListParameters.filter(caller, clients, status, client, issuedIn, paidIn, q),
                cells,
                // named in English whatever the request's language (decision 0174)
                "invoices",
                response);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getInvoice",
            summary = "Get an invoice",
            description = "JSON, or the PDF with Accept: application/pdf (as …/pdf answers it). The JSON with its"
                    + " ETag: send it back in If-Match to change the invoice only if it is still as you read it, or in"
                    + " If-None-Match for a 304 Not Modified while it is.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<InvoiceResponse> invoice(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(InvoiceResponse.of(invoicing.invoice(caller, id)));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Hidden // getInvoice and getInvoicePdf describe it: one operation of a generated client answers one type
    ResponseEntity<byte[]> pdfByAccept(Caller caller, @PathVariable long id) {
        return pdf(caller, id);
    }

    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "getInvoicePdf", summary = "An invoice's PDF")
    @PdfResponse
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable long id) {
        Invoice invoice = invoicing.invoice(caller, id);
        return Downloads.pdf(InvoiceManagement.pdfFileName(invoice), invoicing.pdf(caller, id));
    }

    @PostMapping(path = "/{id}/pay", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "markInvoicePaid",
            summary = "Mark paid",
            description = "Not before it was issued, not in the future, not twice. A refused body is one 422 naming"
                    + " every field at fault. With If-Match, made only if the invoice still has that ETag (a 412"
                    + " precondition-failed otherwise, before the body's fields are judged).")
    ResponseEntity<InvoiceResponse> pay(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody PaidRequest request,
            BindingResult refused,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch)
            throws BindException {
        Consumer<Invoice> expected = expected(ifMatch);
        if (refused.hasErrors()) {
            // One the caller cannot see is a 404 whatever the body says (0077), and a stale ETag a 412 (0130).
            ConditionalRequests.checkNow(expected, invoicing.invoice(caller, id));
            if (!refused.hasFieldErrors("paidOn") && request.paidOn() != null) {
                // The invoice's own rule for the date, answered with the body's other refusals (decision 0077).
                Reason date = invoicing.paymentDateRefusal(caller, id, request.paidOn());
                if (date != null) {
                    FieldRefusals.refuse(refused, Map.of("paidOn", date));
                }
            }
            FieldRefusals.answerIfAny(refused);
        }
        return ConditionalRequests.tagged(
                InvoiceResponse.of(invoicing.markPaid(caller, id, request.paidOn(), request.reference(), expected)));
    }

    @PostMapping("/{id}/unpay")
    @Operation(
            operationId = "removeInvoicePayment",
            summary = "Remove the payment",
            description = "Undoes a payment marked by mistake (decision 0086): the invoice is sent again if its e-mail"
                    + " went out, else issued, with no payment date or reference, and its licence's term is invoiced."
                    + " Refused (409) when the invoice is not paid. No body. With If-Match, made only if the invoice"
                    + " still has that ETag.")
    ResponseEntity<InvoiceResponse> unpay(
            Caller caller,
            @PathVariable long id,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        return ConditionalRequests.tagged(InvoiceResponse.of(invoicing.removePayment(caller, id, expected(ifMatch))));
    }

    @PostMapping(path = "/{id}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "voidInvoice",
            summary = "Void",
            description = "Its licence can then be invoiced again. Refused (409) when paid (the payment is recorded"
                    + " on it) or already void. With If-Match, made only if the invoice still has that ETag (a 412"
                    + " precondition-failed otherwise, before the body's fields are judged).")
    ResponseEntity<InvoiceResponse> voidInvoice(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody VoidRequest request,
            BindingResult refused,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch)
            throws BindException {
        Consumer<Invoice> expected = expected(ifMatch);
        if (refused.hasErrors()) {
            // One the caller cannot see is a 404 whatever the body says (0077), and a stale ETag a 412 (0130).
            ConditionalRequests.checkNow(expected, invoicing.invoice(caller, id));
            FieldRefusals.answerIfAny(refused);
        }
        return ConditionalRequests.tagged(
                InvoiceResponse.of(invoicing.voidInvoice(caller, id, request.reason(), expected)));
    }

    @PostMapping("/{id}/resend")
    @Operation(
            operationId = "resendInvoice",
            summary = "Send again",
            description = "E-mails the invoice with its PDF again (through the outbox). Refused (409) when void, or"
                    + " while an e-mail carrying it is still waiting to be sent: nothing more is queued. With"
                    + " If-Match, sent only if the invoice still has that ETag.")
    ResponseEntity<InvoiceResponse> resend(
            Caller caller,
            @PathVariable long id,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        return ConditionalRequests.tagged(InvoiceResponse.of(invoicing.resend(caller, id, expected(ifMatch))));
    }

    /** The If-Match check of an invoice's change, run by the façade under the invoice's lock (decision 0130). */
    private static Consumer<Invoice> expected(String ifMatch) {
        return ConditionalRequests.ifMatch(ifMatch, "invoice", InvoiceResponse::of);
    }
}
