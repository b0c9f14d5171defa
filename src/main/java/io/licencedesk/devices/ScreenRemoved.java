package io.licencedesk.devices;

import java.time.Instant;

/**
 * A screen was removed, freeing its seat: by its client, or with its licence when staff deleted it. The screen as it
 * was before; published in the removing transaction.
 */
public record ScreenRemoved(
        long organisationId, ScreenLicence licence, Screen screen, Long actorId, String actorEmail, Instant occurredAt)
        implements ScreenEvent {}
