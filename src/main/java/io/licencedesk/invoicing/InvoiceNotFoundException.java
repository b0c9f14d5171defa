package io.licencedesk.invoicing;

/** No such invoice for the caller (invoices of other organisations or clients look the same). */
public class InvoiceNotFoundException extends RuntimeException {

    public InvoiceNotFoundException(long id) {
        super("No such invoice: " + id);
    }
}
