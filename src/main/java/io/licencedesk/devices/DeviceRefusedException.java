package io.licencedesk.devices;

/**
 * A device may not do what it asked, for a {@link Reason} the domain names; each channel decides how to
 * answer it (the device API's statuses and problem types: docs/device-api.md).
 */
public class DeviceRefusedException extends RuntimeException {

    /** Why a device is refused. */
    public enum Reason {
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

    private final Reason reason;

    DeviceRefusedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A missing, malformed or unknown device credential. */
    static DeviceRefusedException unknownCredential() {
        return new DeviceRefusedException(Reason.UNKNOWN_CREDENTIAL, "No screen has this device credential.");
    }

    public Reason reason() {
        return reason;
    }
}
