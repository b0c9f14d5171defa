package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.renewals.Renewals.Renewed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Renewing a licence by hand, and whether it renews by itself (decision 0048), through the same façades. */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/licences/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Licences")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class RenewalApiController {

    /** The licence in its new term, the invoice issued for it, and the running term's if it was issued too. */
    @Schema(name = "Renewal")
    record RenewalResponse(
            @Schema(
                    description = "The licence as it is after the renewal, its next term booked and invoiced.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            LicenceResponse licence,

            @Schema(
                    description = "The invoice of the next term, issued and e-mailed.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            InvoiceResponse invoice,

            @Schema(
                    description = "The running term's invoice, issued and e-mailed first because nobody had invoiced"
                            + " that term (decision 0065); null when it already had one.")
            InvoiceResponse runningTermInvoice) {}

    private final Renewals renewals;
    private final LicenceManagement licences;

    RenewalApiController(Renewals renewals, LicenceManagement licences) {
        this.renewals = renewals;
        this.licences = licences;
    }

    @PostMapping("/renew")
    @Operation(
            operationId = "renewLicence",
            summary = "Renew a licence",
            description = "Starts its next term the day after its current term's last day (endsOn), for one term"
                    + " of its plan at the"
                    + " plan's price today, and issues and e-mails the invoice for it, in one step. Refused (409,"
                    + " with the reason) when nobody has used it yet, it is paused, its next term is already"
                    + " booked, or it ended more than a term ago. Published as licence.renewed and invoice.issued.")
    RenewalResponse renew(Caller caller, @PathVariable long id) {
        Renewed renewed = renewals.renew(caller, id);
        return new RenewalResponse(
                LicenceResponse.of(renewed.licence()),
                InvoiceResponse.of(renewed.invoice()),
                renewed.runningTermInvoice() == null ? null : InvoiceResponse.of(renewed.runningTermInvoice()));
    }

    @PutMapping(path = "/auto-renew", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "setLicenceAutoRenew",
            summary = "Choose whether a licence renews by itself",
            description = "true or false overrides its plan's default; null follows the plan again. A body without"
                    + " autoRenew is refused (422 naming it). Recorded in the history and published as"
                    + " licence.updated.")
    ResponseEntity<LicenceResponse> chooseAutoRenew(
            Caller caller, @PathVariable long id, @RequestBody AutoRenewRequest choice, BindingResult refused)
            throws BindException {
        licences.details(caller, id); // not found before anything is said of the body
        choice.check(refused);
        FieldRefusals.answerIfAny(refused);
        return ConditionalRequests.tagged(LicenceResponse.of(licences.chooseAutoRenew(caller, id, choice.autoRenew())));
    }
}
