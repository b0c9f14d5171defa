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
                example = "INV-2026-000042",
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

        @Schema(
                description = "The term's first day; null when the invoice bills the first term of a licence not"
                        + " yet activated, which starts on activation (the invoice states the term's length).")
        LocalDate termStart,

        @Schema(description = "The term's last day; null when termStart is.")
        LocalDate termEnd,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate issuedOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate dueOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount subtotal,

        @Schema(
                description = "VAT rate in percent, with the two decimals the invoice recorded (8.10, 20.00), as the"
                        + " invoices' CSV export writes vat_rate.",
                example = "8.10",
                requiredMode = Schema.RequiredMode.REQUIRED)
        BigDecimal vatRate,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount vat,

        @Schema(
                description = "Whether no VAT was charged because the buyer, VAT-registered in another EU country,"
                        + " accounts for it (reverse charge); vatRate is 0 then.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean reverseCharge,

        @Schema(
                description = "Whether no VAT was charged because the seller, VAT-registered in the EU, sold to a"
                        + " business whose VAT number is of a country outside the EU (outside the scope of EU VAT,"
                        + " Article 44 of the VAT Directive); vatRate is 0 then. Invoices issued before December 2026"
                        + " charged the seller's rate.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean outsideEuVat,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyAmount total,

        @Schema(description = "When it was paid; null until then.")
        LocalDate paidOn,

        @Schema(description = "The payment's reference, as recorded.")
        String paymentReference,

        @Schema(description = "Why it was voided; null unless void.")
        String voidReason,

        @Schema(
                description = "Whether it is still to be paid (issued or sent), as the portal's page shows the"
                        + " amount due.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean payable,

        @Schema(
                description = "How to pay it, as the seller gave it on the issue date and the portal's page shows"
                        + " it; null once paid or void, and when the seller gave no payment details.")
        HowToPay howToPay) {

    @Schema(name = "HowToPay", description = "The seller's payment details for this invoice; any may be null.")
    record HowToPay(
            @Schema(description = "Who to pay: the seller.", requiredMode = Schema.RequiredMode.REQUIRED)
            String payTo,

            @Schema(example = "FR7630006000011234567890189") String iban,
            @Schema(example = "AGRIFRPP") String bic,

            @Schema(
                    description = "What to write on a bank transfer: the invoice's number.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String reference,

            String instructions,

            @Schema(description = "A page to pay online.") String link) {

        static HowToPay of(Invoice invoice) {
            var payment = invoice.seller().payment();
            if (!invoice.payable() || payment == null || !payment.given()) {
                return null;
            }
            return new HowToPay(
                    invoice.seller().name(),
                    payment.iban(),
                    payment.bic(),
                    invoice.number(),
                    payment.instructions(),
                    payment.link());
        }
    }

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
                totals.reverseCharge(),
                totals.outsideEuVat(),
                MoneyAmount.of(totals.total()),
                invoice.paidOn(),
                invoice.paymentReference(),
                invoice.voidReason(),
                invoice.payable(),
                HowToPay.of(invoice));
    }
}
