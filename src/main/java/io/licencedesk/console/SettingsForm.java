package io.licencedesk.console;

import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Currency;

/** The organisation's settings as an owner edits them. */
record SettingsForm(
        @NotBlank(message = "Enter the organisation's name.") @Size(max = 200) @PlainText
        String name,

        @Size(max = 200, message = "Keep the legal name to 200 characters.") @PlainText
        String legalName,

        @Size(max = 1000, message = "Keep the address to 1,000 characters.") @PlainText
        String address,

        @NotBlank(message = "Enter a currency code such as EUR.") @CurrencyCode
        String currency,

        @NotNull(message = "Enter a VAT rate (0 for none).")
        @DecimalMin(value = "0", message = "The VAT rate cannot be negative.")
        @DecimalMax(value = "100", message = "The VAT rate is a percentage up to 100.")
        @Digits(integer = 3, fraction = 2, message = "Enter the VAT rate with at most 2 decimals.")
        BigDecimal vatRate,

        @NotBlank(message = "Enter an invoice number prefix.")
        @Pattern(regexp = "([A-Za-z0-9]{1,10})?", message = "Use 1 to 10 letters and digits.") // empty: @NotBlank
        String invoicePrefix,

        @NotNull(message = "Enter the payment terms in days.")
        @Min(value = 0, message = "Enter 0 to 365 days.")
        @Max(value = 365, message = "Enter 0 to 365 days.")
        Integer paymentTermsDays,

        @Size(max = 200, message = "Keep the sender name to 200 characters.") @PlainText
        String senderName,

        @Email(regexp = "(.+@.+\\..+)?", message = "Enter a valid e-mail address.") // empty: the server's sender
        @Size(max = 254)
        String senderEmail,

        @NotNull(message = "Enter the expiring-soon window in days.")
        @Min(value = 1, message = "Enter 1 to 365 days.")
        @Max(value = 365, message = "Enter 1 to 365 days.")
        Integer expiringSoonDays) {

    static SettingsForm of(Organisation organisation) {
        return new SettingsForm(
                organisation.name(),
                organisation.legalName(),
                organisation.address(),
                organisation.currency().getCurrencyCode(),
                organisation.vatRate(),
                organisation.invoicePrefix(),
                organisation.paymentTermsDays(),
                organisation.senderName(),
                organisation.senderEmail(),
                organisation.expiringSoonDays());
    }

    /** The currency, or null when the code is no ISO 4217 currency. */
    Currency currencyOrNull() {
        try {
            return Currency.getInstance(currency.toUpperCase(java.util.Locale.ROOT));
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
                vatRate,
                invoicePrefix.toUpperCase(java.util.Locale.ROOT),
                paymentTermsDays,
                senderName,
                senderEmail,
                expiringSoonDays);
    }
}
