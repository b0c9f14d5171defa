package io.licencedesk.devices;

import java.time.Instant;

/** A client removed a screen, freeing its seat; the screen as it was before. Published in the removing transaction. */
public record ScreenRemoved(long organisationId, Screen screen, Instant occurredAt) {}
