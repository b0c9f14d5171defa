package io.licencedesk.mail;

/** Where a message is on its way out. */
public enum DeliveryStatus {
    PENDING("Waiting"),
    SENDING("Sending"),
    SENT("Sent"),
    FAILED("Failed"),
    KEPT("In outbox (no SMTP)");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
