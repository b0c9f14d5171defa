package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an invoice is voided: kept on the invoice. */
record VoidForm(
        @NotBlank(message = "Say why the invoice is voided.")
        @Size(max = 500, message = "Keep the reason to 500 characters.")
        @PlainText
        String reason) {}
