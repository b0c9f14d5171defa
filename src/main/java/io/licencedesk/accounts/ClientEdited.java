package io.licencedesk.accounts;

import java.time.Instant;

/** Staff changed a client's details; published only when something changed. */
public record ClientEdited(Caller actor, Client before, Client after, Instant occurredAt) {}
