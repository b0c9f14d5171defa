package io.licencedesk.devices;

import java.time.Instant;

/**
 * A screen was added to a licence: registered by its client, or a seat taken by a device with a shared credential
 * (no actor); published in that transaction.
 */
public record ScreenRegistered(
        long organisationId, ScreenLicence licence, Screen screen, Long actorId, String actorEmail, Instant occurredAt)
        implements ScreenEvent {}
