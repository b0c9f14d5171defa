package io.licencedesk.invoicing;

import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An issued invoice, exactly as recorded: seller, buyer, line and totals as they were on the issue date. */
public record Invoice(
        long id,
        long organisationId,
        String number,
        long licenceId,
        int termNumber,
        long clientId,
        InvoiceStatus status,
        LocalDate issuedOn,
        LocalDate dueOn,
        LocalDate termStart,
        LocalDate termEnd,
        String termLabel,
        String sellerName,
        String sellerAddress,
        String sellerEmail,
        String buyerName,
        String buyerCompany,
        String buyerEmail,
        String buyerAddress,
        String buyerVatNumber,
        String licenceName,
        String couponCode,
        String planName,
        int quantity,
        Money unitPrice,
        Money subtotal,
        BigDecimal vatRate,
        Money vat,
        Money total,
        LocalDate paidOn,
        String paymentReference,
        String voidReason) {

    public boolean payable() {
        return status == InvoiceStatus.ISSUED || status == InvoiceStatus.SENT;
    }

    public boolean voidable() {
        return status != InvoiceStatus.VOID;
    }

    /** The buyer block's first line: the company when there is one, else the person. */
    public String buyerDisplayName() {
        return buyerCompany == null || buyerCompany.isBlank() ? buyerName : buyerCompany;
    }
}
