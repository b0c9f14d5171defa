package io.licencedesk.portal;

import jakarta.validation.constraints.NotEmpty;

/** Changing one's password: the current one, and the new one typed twice. The policy is checked by accounts. */
record ChangePasswordForm(
        @NotEmpty(message = "Enter your current password.") String currentPassword,
        @NotEmpty(message = "Choose a new password.") String newPassword,
        @NotEmpty(message = "Type the new password again.") String confirmation) {

    static ChangePasswordForm empty() {
        return new ChangePasswordForm(null, null, null);
    }

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmation);
    }
}
