package io.licencedesk.accounts;

/** What a client may change about themselves; their e-mail address stays as their account manager set it. */
public record ProfileChange(String name, String company, String billingAddress, String vatNumber) {}
