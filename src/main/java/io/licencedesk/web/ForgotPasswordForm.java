package io.licencedesk.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The address to send a reset link to, if it has an account. */
record ForgotPasswordForm(
        @NotBlank(message = "Enter your e-mail address.")
        @Email(regexp = "(.+@.+\\..+)?", message = "Enter a valid e-mail address.") // empty: @NotBlank says so
        @Size(max = 254, message = "Keep the e-mail address to 254 characters.")
        String email) {}
