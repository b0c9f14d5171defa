package io.licencedesk.console;

import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import java.util.Locale;

/** The organisation's settings as an owner edits them; numbers are text, checked by {@link WholeNumber} and co. */
record SettingsForm(
        @NotBlank(message = "Enter the organisation's name.")
        @Size(max = 200, message = "Keep the name to 200 characters.")
        @PlainText
        String name,

        @Size(max = 200, message = "Keep the legal name to 200 characters.") @PlainText
        String legalName,

        @Size(max = 1000, message = "Keep the address to 1,000 characters.") @PlainText
        String address,

        @NotBlank(message = "Enter a currency code such as EUR.") @CurrencyCode
        String currency,

        @DecimalNumber(
                min = "0",
                max = "100",
                fraction = 2,
                blank = "Enter a VAT rate (0 for none).",
                notANumber = "Enter a percentage such as 20 or 7.5.",
                belowMin = "The VAT rate cannot be negative.",
                aboveMax = "The VAT rate is a percentage up to 100.",
                tooPrecise = "Enter the VAT rate with at most 2 decimals.")
        String vatRate,

        @NotBlank(message = "Enter an invoice number prefix.")
        @Pattern(regexp = "([A-Za-z0-9]{1,10})?", message = "Use 1 to 10 letters and digits.") // empty: @NotBlank
        String invoicePrefix,

        @WholeNumber(
                min = 0,
                max = 365,
                blank = "Enter the payment terms in days.",
                notWhole = "Enter a whole number of days.",
                outOfRange = "Enter 0 to 365 days.")
        String paymentTermsDays,

        @Size(max = 200, message = "Keep the sender name to 200 characters.") @PlainText
        String senderName,

        @Email(regexp = "(.+@.+\\..+)?", message = "Enter a valid e-mail address.") // empty: the server's sender
        @Size(max = 254, message = "Keep the e-mail address to 254 characters.")
        String senderEmail,

        @WholeNumber(
                min = 1,
                max = 365,
                blank = "Enter the expiring-soon window in days.",
                notWhole = "Enter a whole number of days.",
                outOfRange = "Enter 1 to 365 days.")
        String expiringSoonDays) {

    static SettingsForm of(Organisation organisation) {
        return new SettingsForm(
                organisation.name(),
                organisation.legalName(),
                organisation.address(),
                organisation.currency().getCurrencyCode(),
                organisation.vatRate().toPlainString(),
                organisation.invoicePrefix(),
                String.valueOf(organisation.paymentTermsDays()),
                organisation.senderName(),
                organisation.senderEmail(),
                String.valueOf(organisation.expiringSoonDays()));
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
                WholeNumber.Validator.parse(expiringSoonDays));
    }
}
