package io.licencedesk.devices;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/**
 * A device may not do what it asked, for a {@link Refusal} the domain names; each channel decides how to
 * answer it (the device API's statuses and problem types: docs/device-api.md) and renders the {@link #reason()}.
 */
public class DeviceRefusedException extends RefusedException {

    /** Why a device is refused. */
    public enum Refusal {
        /** No credential, or not one that was issued for a screen. */
        UNKNOWN_CREDENTIAL,
        /** The credential's screen was removed. */
        CREDENTIAL_REVOKED,
        /** The licence is paused. */
        LICENCE_PAUSED,
        /** The licence has ended. */
        LICENCE_EXPIRED,
        /** The licence is no longer assigned to a client. */
        LICENCE_DEACTIVATED,
        /** Every seat of the licence is held by another device. */
        SEATS_TAKEN
    }

    private final Refusal refusal;

    DeviceRefusedException(Refusal refusal, Reason reason) {
        super(reason);
        this.refusal = refusal;
    }

    /** A missing, malformed or unknown device credential. */
    static DeviceRefusedException unknownCredential() {
        return new DeviceRefusedException(Refusal.UNKNOWN_CREDENTIAL, Reason.of("reason.device.unknownCredential"));
    }

    public Refusal refusal() {
        return refusal;
    }
}
