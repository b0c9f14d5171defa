package io.licencedesk.devices;

import io.licencedesk.licence.LifecycleStatus;
import java.time.LocalDate;

/**
 * What a credential and a fingerprint say about a device: the licence the credential belongs to, whether
 * the credential's own screen was removed, and the seat this device holds on it (or held, when it was
 * removed; none when it never activated).
 */
record DeviceView(
        long organisationId,
        long licenceId,
        String couponCode,
        Long clientId,
        boolean paused,
        boolean pausedForOverdue,
        LocalDate activatedOn,
        LocalDate endsOn,
        Long seatId,
        String seatName,
        boolean seatRemoved,
        boolean credentialRevoked) {

    /** Why the licence is not valid for this device, or null when it is; documented in docs/device-api.md. */
    String refusal(LocalDate today) {
        // A removed screen is gone for good, whatever the licence's state: say so first. Removing a screen
        // revokes its credential for every device that used it, including those that took another seat
        // with it (decision 0017).
        if (credentialRevoked || (seatId != null && seatRemoved)) {
            return "SEAT_REVOKED";
        }
        String licenceRefusal = switch (LifecycleStatus.of(clientId, paused, activatedOn, endsOn, today)) {
            case EXPIRED -> "EXPIRED";
            case PAUSED -> pausedForOverdue ? "PAUSED_OVERDUE" : "PAUSED";
            case AVAILABLE -> "DEACTIVATED";
            case ASSIGNED, ACTIVE -> null;
        };
        if (licenceRefusal != null) {
            return licenceRefusal;
        }
        return seatId == null ? "NOT_ACTIVATED" : null;
    }

    boolean holdsSeat() {
        return seatId != null && !seatRemoved && !credentialRevoked;
    }
}
