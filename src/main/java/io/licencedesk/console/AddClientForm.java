package io.licencedesk.console;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Adding or editing a client: who they are, the billing details their invoices show, and whether to invite them. */
record AddClientForm(
        @NotBlank(message = "Enter a name.") @Size(max = 200, message = "Keep the name to 200 characters.") @PlainText
        String name,

        @NotBlank(message = "Enter an e-mail address.")
        @Email(regexp = "(.+@.+\\..+)?", message = "Enter a valid e-mail address.") // empty: @NotBlank says so
        @Size(max = 254, message = "Keep the e-mail address to 254 characters.")
        String email,

        @Size(max = 200, message = "Keep the company to 200 characters.") @PlainText
        String company,

        @Size(max = 1000, message = "Keep the address to 1,000 characters.") @PlainText
        String billingAddress,

        @Size(max = 40, message = "Keep the VAT number to 40 characters.") @PlainText
        String vatNumber,

        // Only on the add form: whether to e-mail the new client a link to choose a password.
        Boolean invite) {

    static AddClientForm empty() {
        return new AddClientForm(null, null, null, null, null, true);
    }

    static AddClientForm of(Client client) {
        return new AddClientForm(
                client.name(), client.email(), client.company(), client.billingAddress(), client.vatNumber(), null);
    }

    boolean sendInvitation() {
        return Boolean.TRUE.equals(invite);
    }

    NewClient toNewClient() {
        return new NewClient(name, email, company, billingAddress, vatNumber);
    }
}
