package io.licencedesk.accounts;

import java.time.Instant;

/** An owner changed the renewal cycle's settings; published only when something changed. */
public record RenewalSettingsChanged(Caller actor, RenewalSettings before, RenewalSettings after, Instant occurredAt) {}
