package io.licencedesk.licence;

/** The columns the main list can be sorted by; each is backed by an index that ends in the licence id. */
public enum LicenceSort {
    CREATED("l.id"),
    CODE("l.coupon_code"),
    NAME("l.name"),
    QUANTITY("l.quantity"),
    AMOUNT("(l.quantity * l.unit_price_minor)"),
    ENDS("coalesce(l.ends_on, date '9999-12-31')");

    final String expression;

    LicenceSort(String expression) {
        this.expression = expression;
    }

    /** Whether the id alone orders the rows (so a cursor needs only the id). */
    boolean byIdOnly() {
        return this == CREATED;
    }
}
