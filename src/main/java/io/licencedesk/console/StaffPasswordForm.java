package io.licencedesk.console;

import jakarta.validation.constraints.NotEmpty;

/** A member of staff changes their password: the current one, and the new one typed twice. Accounts checks the policy. */
record StaffPasswordForm(
        @NotEmpty(message = "{people.password.current.required}")
        String currentPassword,

        @NotEmpty(message = "{people.password.new.required}")
        String newPassword,

        @NotEmpty(message = "{people.password.confirmation.required}")
        String confirmation) {

    static StaffPasswordForm empty() {
        return new StaffPasswordForm(null, null, null);
    }

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmation);
    }
}
