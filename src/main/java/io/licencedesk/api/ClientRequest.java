package io.licencedesk.api;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ClientLimits;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.shared.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

/**
 * What PATCH /api/v1/clients/{id} takes: only the fields sent change, with the console form's limits. POST has its own
 * {@link CreateClientRequest}, whose name and e-mail address are required.
 */
@Schema(name = "ClientFields")
record ClientRequest(
        @Schema(example = "Alice Martin")
        @Size(max = ClientLimits.NAME_MAX, message = "Keep the name to 200 characters.")
        @PlainText
        String name,

        @Schema(example = "alice@example.com")
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

        @Schema(description = "Refused here: invite with POST /api/v1/clients/{id}/invite.")
        Boolean invite) {

    /**
     * Refuses, beside what the annotations refuse, a required field sent blank (a change cannot empty what a new
     * client must have) and an invitation, which has its own operation.
     */
    void checkChange(BindingResult refused) {
        if (name != null) {
            requireName(refused);
        }
        if (email != null) {
            requireEmail(refused);
        }
        if (invite != null) {
            FieldRefusals.refuse(refused, "invite", "Invite with POST /api/v1/clients/{id}/invite.");
        }
    }

    /** The fields sent, over the client's current ones (absent fields keep their value); {@link #checkChange} passed. */
    NewClient over(Client current) {
        return new NewClient(
                name != null ? name : current.name(),
                email != null ? email : current.email(),
                company != null ? company : current.company(),
                billingAddress != null ? billingAddress : current.billingAddress(),
                vatNumber != null ? vatNumber : current.vatNumber());
    }

    private void requireName(BindingResult refused) {
        if (name == null || name.isBlank()) {
            FieldRefusals.refuse(refused, "name", "Enter a name.");
        }
    }

    private void requireEmail(BindingResult refused) {
        if (email == null || email.isBlank()) {
            FieldRefusals.refuse(refused, "email", "Enter an e-mail address.");
        }
    }
}
