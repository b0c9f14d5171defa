package io.licencedesk.invoicing;

/** An invoice's state: issued, sent once its e-mail went out, then paid or void. */
public enum InvoiceStatus {
    ISSUED("Issued"),
    SENT("Sent"),
    PAID("Paid"),
    VOID("Void");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
