package io.licencedesk.licence;

import java.time.LocalDate;

/**
 * What taking a seat on a licence depends on, read with the licence row locked, with its name and coupon code for the
 * record of the screen that takes it. A paused one says whether it was paused for an overdue renewal invoice, so that a
 * refused screen is told who resumes it.
 */
public record SeatLicence(
        long id,
        long organisationId,
        Long clientId,
        int quantity,
        LifecycleStatus status,
        boolean pausedForOverdue,
        LocalDate endsOn,
        String name,
        CouponCode couponCode) {}
