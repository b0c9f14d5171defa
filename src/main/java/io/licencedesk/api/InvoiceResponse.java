package io.licencedesk.api;

import io.licencedesk.invoicing.Invoice;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** An invoice for one licence and term, with its amounts and payment. */
@Schema(name = "Invoice", description = "An invoice for one term of one licence.")
public record InvoiceResponse(
        @Schema(example = "88", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(
                description = "Gapless per organisation and year.",
                example = "2026-0042",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String number,

        @Schema(
                allowableValues = {"issued", "sent", "paid", "void"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long clientId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long licenceId,

        @Schema(
                description = "Which term of the licence it bills, from 1.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int term,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate termStart,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate termEnd,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate issuedOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate dueOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount subtotal,

        @Schema(description = "VAT rate in percent.", example = "20", requiredMode = Schema.RequiredMode.REQUIRED)
        BigDecimal vatRate,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount vat,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount total,

        @Schema(description = "When it was paid; absent until then.")
        LocalDate paidOn,

        @Schema(description = "The payment's reference, as recorded.")
        String paymentReference,

        @Schema(description = "Why it was voided; absent unless void.")
        String voidReason) {

    public static InvoiceResponse of(Invoice invoice) {
        var line = invoice.line();
        var totals = invoice.totals();
        return new InvoiceResponse(
                invoice.id(),
                invoice.number(),
                invoice.status().name().toLowerCase(Locale.ROOT),
                invoice.clientId(),
                line.licenceId(),
                line.termNumber(),
                line.termStart(),
                line.termEnd(),
                invoice.issuedOn(),
                invoice.dueOn(),
                MoneyAmount.of(totals.subtotal()),
                totals.vatRate(),
                MoneyAmount.of(totals.vat()),
                MoneyAmount.of(totals.total()),
                invoice.paidOn(),
                invoice.paymentReference(),
                invoice.voidReason());
    }
}
