package io.licencedesk.devices;

/** No signing key with this id; answered 404. */
class UnknownKeyException extends RuntimeException {

    UnknownKeyException(String keyId) {
        super("No signing key with this id");
    }
}
