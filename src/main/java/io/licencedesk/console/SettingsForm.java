package io.licencedesk.console;

import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import java.util.Locale;

/** The organisation's settings as an owner edits them; numbers are text, checked by {@link WholeNumber} and co. */
record SettingsForm(
        @NotBlank(message = "{consoleForm.enterTheOrganisationSName}")
        @Size(max = 200, message = "{consoleForm.keepTheNameTo200Characters}")
        @PlainText
        String name,

        @Size(max = 200, message = "{consoleForm.keepTheLegalNameTo200Characters}") @PlainText
        String legalName,

        @Size(max = 1000, message = "{consoleForm.keepTheAddressTo1000Characters}") @PlainText
        String address,

        @NotBlank(message = "{consoleForm.enterACurrencyCodeSuchAsEUR}") @CurrencyCode
        String currency,

        @DecimalNumber(
                min = "0",
                max = "100",
                fraction = 2,
                blank = "{consoleForm.enterAVATRate0ForNone}",
                notANumber = "{consoleForm.enterAPercentageSuchAs20Or75}",
                belowMin = "{consoleForm.theVATRateCannotBeNegative}",
                aboveMax = "{consoleForm.theVATRateIsAPercentageUpTo100}",
                tooPrecise = "{consoleForm.enterTheVATRateWithAtMost2Decimals}")
        String vatRate,

        @NotBlank(message = "{consoleForm.enterAnInvoiceNumberPrefix}")
        @Size(max = 10, message = "{consoleForm.use1To10LettersAndDigits}") // for the box's maxlength; one message
        @Pattern(
                regexp = "([A-Za-z0-9]{1,10})?",
                message = "{consoleForm.use1To10LettersAndDigits}") // empty: @NotBlank
        String invoicePrefix,

        @WholeNumber(
                min = 0,
                max = 365,
                blank = "{consoleForm.enterThePaymentTermsInDays}",
                notWhole = "{consoleForm.enterAWholeNumberOfDays}",
                outOfRange = "{consoleForm.enter0To365Days}")
        String paymentTermsDays,

        @Size(max = 200, message = "{consoleForm.keepTheSenderNameTo200Characters}") @PlainText
        String senderName,

        @Email(
                regexp = "(.+@.+\\..+)?",
                message = "{consoleForm.enterAValidEMailAddress}") // empty: the server's sender
        @Size(max = 254, message = "{consoleForm.keepTheEMailAddressTo254Characters}")
        String senderEmail,

        @WholeNumber(
                min = 1,
                max = 365,
                blank = "{consoleForm.enterTheExpiringSoonWindowInDays}",
                notWhole = "{consoleForm.enterAWholeNumberOfDays}",
                outOfRange = "{consoleForm.enter1To365Days}")
        String expiringSoonDays,

        // Not sent (a form of before decision 0172, a script): the language stays as it is.
        @Pattern(regexp = "en|fr", message = "{settings.language.choose}")
        String language) {

    static SettingsForm of(Organisation organisation) {
        return new SettingsForm(
                organisation.name(),
                organisation.legalName(),
                organisation.address(),
                organisation.currency().getCurrencyCode(),
                TypedNumbers.forPage(organisation.vatRate()),
                organisation.invoicePrefix(),
                String.valueOf(organisation.paymentTermsDays()),
                organisation.senderName(),
                organisation.senderEmail(),
                String.valueOf(organisation.expiringSoonDays()),
                organisation.language().code());
    }

    /** The currency, or null when the code is no ISO 4217 currency. */
    Currency currencyOrNull() {
        try {
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    OrganisationSettings toSettings() {
        return new OrganisationSettings(
                name,
                legalName,
                address,
                currencyOrNull(),
                DecimalNumber.Validator.parse(vatRate),
                invoicePrefix.toUpperCase(Locale.ROOT),
                WholeNumber.Validator.parse(paymentTermsDays),
                senderName,
                senderEmail,
                WholeNumber.Validator.parse(expiringSoonDays),
                language == null ? null : Language.ofCode(language).orElseThrow());
    }
}
