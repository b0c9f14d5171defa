package io.licencedesk.devices;

/** A device's fingerprint or nonce is missing or malformed; {@link #field()} names which. */
public class InvalidDeviceRequestException extends RuntimeException {

    private final String field;

    InvalidDeviceRequestException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
