package io.licencedesk.portal;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ClientLimits;
import io.licencedesk.accounts.ProfileChange;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A client's own details: the name and company they are known by, and what their invoices show. */
record ProfileForm(
        @NotBlank(message = "{profile.name.required}")
        @Size(max = ClientLimits.NAME_MAX, message = "{profile.name.tooLong}")
        @PlainText
        String name,

        @Size(max = ClientLimits.COMPANY_MAX, message = "{profile.company.tooLong}") @PlainText
        String company,

        @Size(max = ClientLimits.BILLING_ADDRESS_MAX, message = "{profile.billingAddress.tooLong}") @PlainText
        String billingAddress,

        @Size(max = ClientLimits.VAT_NUMBER_MAX, message = "{profile.vatNumber.tooLong}")
        @Pattern(regexp = "\\s*([A-Za-z0-9][A-Za-z0-9 ./-]*)?\\s*", message = "{client.vatNumber.invalid}")
        String vatNumber) {

    static ProfileForm of(Client client) {
        return new ProfileForm(client.name(), client.company(), client.billingAddress(), client.vatNumber());
    }

    ProfileChange toChange() {
        return new ProfileChange(name, company, billingAddress, vatNumber);
    }
}
