package io.licencedesk.accounts;

/** A client as staff enter or edit it; the caller's organisation owns it. */
public record NewClient(String name, String email, String company, String billingAddress, String vatNumber) {}
