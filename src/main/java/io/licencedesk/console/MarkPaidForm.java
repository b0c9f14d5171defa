package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** When an invoice was paid, and the payment's reference (optional). */
record MarkPaidForm(
        @IsoDate(
                blank = "Enter the payment date.",
                notADate = "Enter a date such as 2026-11-29.",
                future = "The payment date cannot be in the future.")
        String paidOn,

        @Size(max = 100, message = "Keep the reference to 100 characters.") @PlainText
        String reference) {

    static MarkPaidForm on(LocalDate day) {
        return new MarkPaidForm(day.toString(), null);
    }

    LocalDate paidOnDate() {
        return IsoDate.Validator.parseOrNull(paidOn);
    }
}
