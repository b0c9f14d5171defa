package io.licencedesk.web;

import jakarta.validation.constraints.NotEmpty;

/**
 * Changing one's own password on a profile page, in the console and the portal alike: the current one, and the new
 * one typed twice. The policy is checked by accounts.
 */
public record PasswordChangeForm(
        @NotEmpty(message = "{password.current.required}") String currentPassword,
        @NotEmpty(message = "{password.new.required}") String newPassword,
        @NotEmpty(message = "{password.confirm.required}") String confirmation) {

    public static PasswordChangeForm empty() {
        return new PasswordChangeForm(null, null, null);
    }

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmation);
    }
}
