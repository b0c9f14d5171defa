package io.licencedesk.accounts;

import io.licencedesk.shared.Language;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A tenant and its settings: every record belongs to one organisation. The legal name, address,
 * VAT rate, invoice prefix, payment terms and sender appear on its invoices and their e-mails.
 */
public record Organisation(
        long id,
        String name,
        Currency currency,
        int expiringSoonDays,
        String legalName,
        String address,
        BigDecimal vatRate,
        String invoicePrefix,
        int paymentTermsDays,
        String senderName,
        String senderEmail,
        Language language) {

    /** The name invoices are issued under: the legal name when set, else the organisation's name. */
    public String sellerName() {
        return legalName == null || legalName.isBlank() ? name : legalName;
    }
}
