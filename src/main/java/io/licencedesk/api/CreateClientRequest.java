package io.licencedesk.api;

import io.licencedesk.accounts.ClientLimits;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.shared.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

/**
 * What POST /api/v1/clients takes: a name and an e-mail address (required, so that the served document says so, which
 * {@link ClientRequest} shared with PATCH could not), the billing details, and whether to invite them. The console
 * form's limits.
 */
@Schema(name = "CreateClient")
record CreateClientRequest(
        @Schema(
                example = "Alice Martin",
                maxLength = ClientLimits.NAME_MAX,
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Size(max = ClientLimits.NAME_MAX, message = "Keep the name to 200 characters.")
        @PlainText
        String name,

        @Schema(
                example = "alice@example.com",
                maxLength = ClientLimits.EMAIL_MAX,
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Email(regexp = ".+@.+\\..+", message = "Enter a valid e-mail address.")
        @Size(max = ClientLimits.EMAIL_MAX, message = "Keep the e-mail address to 254 characters.")
        String email,

        @Size(max = ClientLimits.COMPANY_MAX, message = "Keep the company to 200 characters.") @PlainText
        String company,

        @Size(max = ClientLimits.BILLING_ADDRESS_MAX, message = "Keep the address to 1,000 characters.") @PlainText
        String billingAddress,

        @Size(max = ClientLimits.VAT_NUMBER_MAX, message = "Keep the VAT number to 40 characters.")
        @Pattern(regexp = "\\s*([A-Za-z0-9][A-Za-z0-9 ./-]*)?\\s*", message = "{client.vatNumber.invalid}")
        String vatNumber,

        @Schema(description = "E-mail the new client a link to choose a password.")
        Boolean invite) {

    /** Refuses, beside what the annotations refuse, a required field left out or blank. */
    void check(BindingResult refused) {
        if (name == null || name.isBlank()) {
            FieldRefusals.refuse(refused, "name", "Enter a name.");
        }
        if (email == null || email.isBlank()) {
            FieldRefusals.refuse(refused, "email", "Enter an e-mail address.");
        }
    }

    /** The new client; {@link #check} passed. */
    NewClient toNewClient() {
        return new NewClient(name, email, company, billingAddress, vatNumber);
    }
}
