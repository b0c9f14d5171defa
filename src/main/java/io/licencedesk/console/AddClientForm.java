package io.licencedesk.console;

import io.licencedesk.accounts.NewClient;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The "Add client" form. */
record AddClientForm(
        @NotBlank(message = "Enter a name.") @Size(max = 200, message = "Keep the name to 200 characters.") @PlainText
        String name,

        @NotBlank(message = "Enter an e-mail address.")
        @Email(regexp = ".+@.+\\..+", message = "Enter a valid e-mail address.")
        @Size(max = 254, message = "Keep the e-mail address to 254 characters.")
        String email,

        @Size(max = 200, message = "Keep the company to 200 characters.") @PlainText
        String company) {

    static AddClientForm empty() {
        return new AddClientForm(null, null, null);
    }

    NewClient toNewClient() {
        return new NewClient(name, email, company);
    }
}
