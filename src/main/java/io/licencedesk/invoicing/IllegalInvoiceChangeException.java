package io.licencedesk.invoicing;

/** A change the invoice's status does not allow, such as paying a void invoice. */
public class IllegalInvoiceChangeException extends RuntimeException {

    public IllegalInvoiceChangeException(String message) {
        super(message);
    }
}
