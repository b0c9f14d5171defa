package io.licencedesk.licence;

/** Billing of the licence's current term. */
public enum BillingStatus {
    UNBILLED("Unbilled"),
    INVOICED("Invoiced"),
    PAID("Paid");

    private final String label;

    BillingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
