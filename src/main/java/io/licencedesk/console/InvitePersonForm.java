package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An owner invites a member of staff: their name, the address they will sign in with, and their role. */
record InvitePersonForm(
        @NotBlank(message = "{people.name.required}") @Size(max = 200, message = "{people.name.tooLong}") @PlainText
        String name,

        @NotBlank(message = "{people.email.required}")
        @Email(regexp = "(.+@.+\\..+)?", message = "{people.email.invalid}") // empty: @NotBlank says so
        @Size(max = 254, message = "{people.email.invalid}")
        String email,

        @NotBlank(message = "{people.role.choose}") @Pattern(regexp = "OWNER|MANAGER", message = "{people.role.choose}")
        String role) {

    /** An address pasted with spaces around it is still that address. */
    InvitePersonForm {
        email = email == null ? null : email.strip();
    }

    static InvitePersonForm empty() {
        return new InvitePersonForm(null, null, "MANAGER");
    }
}
