package io.licencedesk.web;

import jakarta.validation.constraints.NotEmpty;

/** A new password, typed twice, with the token of the link it came from; the policy is checked by accounts. */
record SetPasswordForm(
        String token,
        @NotEmpty(message = "{password.set.required}") String password,
        @NotEmpty(message = "{password.set.again}") String confirmation) {

    boolean confirmed() {
        return password != null && password.equals(confirmation);
    }
}
