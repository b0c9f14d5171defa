package io.licencedesk.invoicing;

import io.licencedesk.shared.Reason;

/** A payment date the invoice cannot have (in the future, or before it was issued); a form shows it beside the date. */
public class PaymentDateRefusedException extends IllegalInvoiceChangeException {

    PaymentDateRefusedException(Reason reason) {
        super(reason);
    }
}
