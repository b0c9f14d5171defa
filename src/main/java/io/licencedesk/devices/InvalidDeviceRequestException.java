package io.licencedesk.devices;

/** A device request whose body is not what the API takes; answered 400. */
class InvalidDeviceRequestException extends RuntimeException {

    private final String field;

    InvalidDeviceRequestException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
