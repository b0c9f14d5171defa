package io.licencedesk.console;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ClientLimits;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Adding or editing a client: who they are, the billing details their invoices show, and whether to invite them. */
record AddClientForm(
        @NotBlank(message = "{consoleForm.enterAName}")
        @Size(max = ClientLimits.NAME_MAX, message = "{consoleForm.keepTheNameTo200Characters}")
        @PlainText
        String name,

        @NotBlank(message = "{consoleForm.enterAnEMailAddress}")
        @Email(regexp = "(.+@.+\\..+)?", message = "{consoleForm.enterAValidEMailAddress}") // empty: @NotBlank says so
        @Size(max = ClientLimits.EMAIL_MAX, message = "{consoleForm.keepTheEMailAddressTo254Characters}")
        String email,

        @Size(max = ClientLimits.COMPANY_MAX, message = "{consoleForm.keepTheCompanyTo200Characters}") @PlainText
        String company,

        @Size(max = ClientLimits.BILLING_ADDRESS_MAX, message = "{consoleForm.keepTheAddressTo1000Characters}")
        @PlainText
        String billingAddress,

        @Size(max = ClientLimits.VAT_NUMBER_MAX, message = "{consoleForm.keepTheVATNumberTo40Characters}")
        @Pattern(regexp = "\\s*([A-Za-z0-9][A-Za-z0-9 ./-]*)?\\s*", message = "{client.vatNumber.invalid}")
        String vatNumber,

        // Only on the add form: whether to e-mail the new client a link to choose a password.
        Boolean invite) {

    /** An address pasted with spaces around it is still that address, as on the people page. */
    AddClientForm {
        email = email == null ? null : email.strip();
    }

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
