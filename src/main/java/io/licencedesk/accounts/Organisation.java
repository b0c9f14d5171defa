package io.licencedesk.accounts;

import java.util.Currency;

/** A tenant: every record belongs to one organisation. */
public record Organisation(long id, String name, Currency currency, int expiringSoonDays) {}
