package io.licencedesk.api;

import io.licencedesk.invoicing.InvoiceListSums;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What the invoices of listInvoices add up to, every page of it, one entry per currency: the console's invoices
 * page's sums, for the accountant who reconciles through the API (decision 0135).
 */
@Schema(name = "InvoiceTotals")
record InvoiceTotalsResponse(
        @Schema(
                description = "One entry per currency the listed invoices are in (an organisation's invoices are in"
                        + " its currency, so usually one); empty when the filters list no invoice.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        List<Sums> data) {

    @Schema(name = "InvoiceSums")
    record Sums(
            @Schema(
                    description = "ISO 4217 currency code.",
                    example = "EUR",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String currency,

            @Schema(
                    description = "How many invoices the list holds in this currency, void ones included.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long invoices,

            @Schema(
                    description = "Their amounts before VAT, void ones left out.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            MoneyAmount net,

            @Schema(description = "Their VAT, void ones left out.", requiredMode = Schema.RequiredMode.REQUIRED)
            MoneyAmount vat,

            @Schema(
                    description = "Their totals with VAT, void ones left out.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            MoneyAmount total,

            @Schema(description = "The totals of those paid.", requiredMode = Schema.RequiredMode.REQUIRED)
            MoneyAmount paid,

            @Schema(
                    description = "The totals of those still to pay (issued or sent).",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            MoneyAmount unpaid,

            @Schema(
                    description = "Of those still to pay, the totals of those past their due date.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            MoneyAmount overdue,

            @Schema(description = "How many are void.", requiredMode = Schema.RequiredMode.REQUIRED)
            long voided) {

        static Sums of(InvoiceListSums sums) {
            return new Sums(
                    sums.total().currency().getCurrencyCode(),
                    sums.invoices(),
                    MoneyAmount.of(sums.net()),
                    MoneyAmount.of(sums.vat()),
                    MoneyAmount.of(sums.total()),
                    MoneyAmount.of(sums.paid()),
                    MoneyAmount.of(sums.unpaid()),
                    MoneyAmount.of(sums.overdue()),
                    sums.voided());
        }
    }

    static InvoiceTotalsResponse of(List<InvoiceListSums> sums) {
        return new InvoiceTotalsResponse(sums.stream().map(Sums::of).toList());
    }
}
