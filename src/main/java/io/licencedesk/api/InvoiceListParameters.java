package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.invoicing.InvoiceFilter;
import io.licencedesk.invoicing.InvoiceStatusChoice;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The invoice list's filters, which its pages ({@code listInvoices}) and its CSV file ({@code exportInvoices}) both
 * take: documented once and read into one {@link InvoiceFilter}, as {@link LicenceListParameters} does for licences.
 */
final class InvoiceListParameters {

    private InvoiceListParameters() {}

    /** The filter these parameters ask for; a value that cannot be read is a 400 bad-parameter naming it. */
    static InvoiceFilter filter(
            Caller caller,
            ClientParameter clients,
            String status,
            Long client,
            String issuedIn,
            String paidIn,
            String q) {
        return InvoiceFilter.of(
                        statusChoice(status),
                        clients.ofYours(caller, client),
                        ApiParameters.month("issuedIn", issuedIn),
                        ApiParameters.month("paidIn", paidIn))
                .matching(q);
    }

    /**
     * An invoice's status or one of the groups the console's page has, as the invoicing module reads them (also
     * "not-void", as the console writes it); none for every status.
     */
    private static InvoiceStatusChoice statusChoice(String status) {
        if (status == null) {
            return null;
        }
        return InvoiceStatusChoice.parse(status)
                .orElseThrow(() -> ApiParameters.invalid(
                        "status", "Use one of issued, sent, paid, void, unpaid, overdue, not_void."));
    }

    /** {@code status}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "issued, sent, paid or void; or unpaid (issued or sent), overdue (unpaid after its due date)"
                    + " or not_void (every status but void).",
            schema = @Schema(allowableValues = {"issued", "sent", "paid", "void", "unpaid", "overdue", "not_void"}))
    @interface Status {}

    /** {@code client}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only this client's invoices. A client that is not one of yours is a 400 bad-parameter"
                    + " naming client.")
    @interface Client {}

    /** {@code q}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only invoices whose number, client (name, company, e-mail), licence (name, coupon code) or"
                    + " payment reference contains this text, in any case, as the invoice recorded them. A coupon code"
                    + " may be written in groups, as people write it (AB12 CD34, ab12-cd34).")
    @interface Search {}

    /** {@code issuedIn}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only those issued in this month (ISO 8601: 2026-12), as the dashboard's monthly figures"
                    + " count them.",
            schema = @Schema(type = "string", example = "2026-12"))
    @interface IssuedIn {}

    /** {@code paidIn}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only those paid in this month (ISO 8601: 2026-12).",
            schema = @Schema(type = "string", example = "2026-12"))
    @interface PaidIn {}
}
