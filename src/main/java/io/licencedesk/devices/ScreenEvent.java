package io.licencedesk.devices;

import java.time.Instant;

/**
 * Something that happened to a screen, published in the transaction of the change, with the licence it is on (named
 * as it was then, so that a record of it reads without the licence) and who did it: a client, staff deleting the
 * licence, or no person (null id and e-mail) for a device through the device API.
 */
public sealed interface ScreenEvent permits ScreenRegistered, ScreenRenamed, ScreenRemoved, ScreenActivated {

    long organisationId();

    /** The licence's name and coupon code when the change was made. */
    ScreenLicence licence();

    /** The screen after the change, or as it was last when it was removed. */
    Screen screen();

    Long actorId();

    String actorEmail();

    Instant occurredAt();
}
