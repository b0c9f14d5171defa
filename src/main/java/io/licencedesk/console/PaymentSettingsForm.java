package io.licencedesk.console;

import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Size;

/**
 * The payment details an owner prints on invoices; each may be left empty. The formats (VAT number, IBAN with its
 * check digits, BIC, an https link) are checked by {@code PaymentDetails}, which also tidies them.
 */
record PaymentSettingsForm(
        @Size(max = 30, message = "Keep the VAT number to 30 characters.") @PlainText
        String vatNumber,

        @Size(max = 100, message = "Keep the registration to 100 characters.") @PlainText
        String companyRegistration,

        @Size(max = 50, message = "Keep the IBAN to 50 characters.") @PlainText
        String iban,

        @Size(max = 20, message = "Keep the BIC to 20 characters.") @PlainText
        String bic,

        @Size(max = 1000, message = "Keep the instructions to 1,000 characters.")
        String instructions,

        @Size(max = 500, message = "Keep the link to 500 characters.") @PlainText
        String paymentLink) {

    static PaymentSettingsForm of(PaymentSettings settings) {
        return new PaymentSettingsForm(
                settings.vatNumber(),
                settings.companyRegistration(),
                settings.iban(),
                settings.bic(),
                settings.instructions(),
                settings.paymentLink());
    }

    PaymentSettings toSettings() {
        return new PaymentSettings(vatNumber, companyRegistration, iban, bic, instructions, paymentLink);
    }
}
