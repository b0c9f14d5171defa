package io.licencedesk.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The address to send a reset link to, if it has an account. */
record ForgotPasswordForm(
        @NotBlank(message = "{password.email.required}")
        @Email(regexp = "(.+@.+\\..+)?", message = "{password.email.invalid}") // empty: @NotBlank says so
        @Size(max = 254, message = "{password.email.tooLong}")
        String email) {}
