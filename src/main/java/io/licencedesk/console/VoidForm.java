package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an invoice is voided: kept on the invoice. */
record VoidForm(
        @NotBlank(message = "{consoleForm.sayWhyTheInvoiceIsVoided}")
        @Size(max = 500, message = "{consoleForm.keepTheReasonTo500Characters}")
        @PlainText
        String reason) {}
