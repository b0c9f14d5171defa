package io.licencedesk.devices;

import java.time.Instant;

/** A screen was added to a licence: registered by its client, or a seat taken by a device; published in that transaction. */
public record ScreenRegistered(long organisationId, Screen screen, Instant occurredAt) {}
