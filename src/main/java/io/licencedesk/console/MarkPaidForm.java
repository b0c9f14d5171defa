package io.licencedesk.console;

import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** When an invoice was paid, and the payment's reference (optional). */
record MarkPaidForm(
        @IsoDate(
                blank = "{consoleForm.enterThePaymentDate}",
                notADate = "{consoleForm.enterADateSuchAs20261129}",
                future = "{consoleForm.thePaymentDateCannotBeInTheFuture}")
        String paidOn,

        @Size(max = 100, message = "{consoleForm.keepTheReferenceTo100Characters}") @PlainText
        String reference) {

    static MarkPaidForm on(LocalDate day) {
        return new MarkPaidForm(day.toString(), null);
    }

    LocalDate paidOnDate() {
        return IsoDate.Validator.parseOrNull(paidOn);
    }
}
