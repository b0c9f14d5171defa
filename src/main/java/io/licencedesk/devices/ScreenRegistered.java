package io.licencedesk.devices;

import java.time.Instant;

/** A client registered a screen on one of their licences; published in the registering transaction. */
public record ScreenRegistered(long organisationId, Screen screen, Instant occurredAt) {}
