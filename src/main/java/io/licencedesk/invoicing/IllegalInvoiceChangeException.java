package io.licencedesk.invoicing;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A change the invoice's status does not allow, such as paying a void invoice. */
public class IllegalInvoiceChangeException extends RefusedException {

    IllegalInvoiceChangeException(Reason reason) {
        super(reason);
    }
}
