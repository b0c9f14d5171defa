package io.licencedesk.portal;

import jakarta.validation.constraints.NotEmpty;

/** Changing one's password: the current one, and the new one typed twice. The policy is checked by accounts. */
record ChangePasswordForm(
        @NotEmpty(message = "{password.current.required}") String currentPassword,
        @NotEmpty(message = "{password.new.required}") String newPassword,
        @NotEmpty(message = "{password.confirm.required}") String confirmation) {

    static ChangePasswordForm empty() {
        return new ChangePasswordForm(null, null, null);
    }

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmation);
    }
}
