package io.licencedesk.accounts;

/** What it takes to add a client; the caller's organisation owns it. */
public record NewClient(String name, String email, String company) {}
