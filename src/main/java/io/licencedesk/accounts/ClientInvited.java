package io.licencedesk.accounts;

import java.time.Instant;

/** Staff e-mailed a client a link to choose a password for the portal (again, if sent before). */
public record ClientInvited(Caller actor, Client client, Instant occurredAt) {}
