package io.licencedesk.devices;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A device's fingerprint or nonce is missing or malformed; {@link #field()} names which. */
public class InvalidDeviceRequestException extends RefusedException {

    private final String field;

    InvalidDeviceRequestException(String field, Reason reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
