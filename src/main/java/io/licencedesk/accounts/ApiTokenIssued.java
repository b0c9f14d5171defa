package io.licencedesk.accounts;

import java.time.Instant;

/** A person made an API token. It carries what the token lists show, never its secret. */
public record ApiTokenIssued(Caller actor, ApiToken token, Instant occurredAt) {}
