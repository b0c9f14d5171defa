package io.licencedesk.portal;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ProfileChange;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A client's own details: the name and company they are known by, and what their invoices show. */
record ProfileForm(
        @NotBlank(message = "Enter your name.")
        @Size(max = 200, message = "Keep the name to 200 characters.")
        @PlainText
        String name,

        @Size(max = 200, message = "Keep the company to 200 characters.") @PlainText
        String company,

        @Size(max = 1000, message = "Keep the address to 1,000 characters.") @PlainText
        String billingAddress,

        @Size(max = 40, message = "Keep the VAT number to 40 characters.") @PlainText
        String vatNumber) {

    static ProfileForm of(Client client) {
        return new ProfileForm(client.name(), client.company(), client.billingAddress(), client.vatNumber());
    }

    ProfileChange toChange() {
        return new ProfileChange(name, company, billingAddress, vatNumber);
    }
}
