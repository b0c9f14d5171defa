package io.licencedesk.accounts;

import java.time.Instant;

/** A person signed in through the sign-in page (HTTP Basic requests of the metrics scraper are not sign-ins). */
public record SignedIn(Caller user, Instant occurredAt) {}
