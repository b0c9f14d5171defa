package io.licencedesk.devices;

import java.time.Instant;

/** A client renamed a screen; published in the renaming transaction. */
public record ScreenRenamed(
        long organisationId,
        ScreenLicence licence,
        String nameBefore,
        Screen screen,
        Long actorId,
        String actorEmail,
        Instant occurredAt)
        implements ScreenEvent {}
