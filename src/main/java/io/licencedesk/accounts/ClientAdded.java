package io.licencedesk.accounts;

import java.time.Instant;

/** Staff added a client to their organisation. */
public record ClientAdded(Caller actor, Client client, Instant occurredAt) {}
