package io.licencedesk.console;

import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Size;

/**
 * The payment details an owner prints on invoices; each may be left empty. The formats (VAT number, IBAN with its
 * check digits, BIC, an https link) are checked by {@link PaymentDetails}, which also tidies them; the lengths it keeps
 * are its constants, so that the form refuses (and its boxes stop) where it would.
 */
record PaymentSettingsForm(
        @Size(max = 30, message = "{consoleForm.keepTheVATNumberTo30Characters}") @PlainText
        String vatNumber,

        @Size(
                max = PaymentDetails.COMPANY_REGISTRATION_MAX,
                message = "{consoleForm.keepTheRegistrationTo100Characters}")
        @PlainText
        String companyRegistration,

        @Size(max = 50, message = "{consoleForm.keepTheIBANTo50Characters}") @PlainText
        String iban,

        @Size(max = 20, message = "{consoleForm.keepTheBICTo20Characters}") @PlainText
        String bic,

        @Size(max = PaymentDetails.INSTRUCTIONS_MAX, message = "{consoleForm.keepTheInstructionsTo1000Characters}")
        @PlainText
        String instructions,

        @Size(max = PaymentDetails.PAYMENT_LINK_MAX, message = "{consoleForm.keepTheLinkTo500Characters}") @PlainText
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
