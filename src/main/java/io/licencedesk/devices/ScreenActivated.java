package io.licencedesk.devices;

import java.time.Instant;

/**
 * A device took the seat of a screen registered in the portal, with that screen's credential: the screen is activated.
 * No person acted (null id and e-mail). Published in the activating transaction.
 */
public record ScreenActivated(
        long organisationId, ScreenLicence licence, Screen screen, Long actorId, String actorEmail, Instant occurredAt)
        implements ScreenEvent {}
