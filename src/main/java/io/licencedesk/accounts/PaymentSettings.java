package io.licencedesk.accounts;

/**
 * What an organisation prints on its invoices so that a client can pay them (decision 0052): its VAT number and
 * company registration, its bank account (IBAN and BIC) or free instructions, and an optional payment link. Each may
 * be empty (null).
 */
public record PaymentSettings(
        String vatNumber,
        String companyRegistration,
        String iban,
        String bic,
        String instructions,
        String paymentLink) {

    public static final PaymentSettings NONE = new PaymentSettings(null, null, null, null, null, null);
}
