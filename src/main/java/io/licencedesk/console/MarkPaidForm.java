package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** When an invoice was paid, and the payment's reference (optional). */
record MarkPaidForm(
        @NotNull(message = "Enter the payment date.")
        @PastOrPresent(message = "The payment date cannot be in the future.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate paidOn,

        @Size(max = 100, message = "Keep the reference to 100 characters.") @PlainText
        String reference) {}
