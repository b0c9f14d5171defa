package io.licencedesk.accounts;

import java.time.Instant;

/** A person revoked one of their API tokens; revoking one already revoked publishes nothing. */
public record ApiTokenRevoked(Caller actor, ApiToken before, ApiToken after, Instant occurredAt) {}
