package io.licencedesk.devices;

/** No signing key has the id asked for. */
public class UnknownKeyException extends RuntimeException {

    UnknownKeyException(String keyId) {
        super("No signing key with this id");
    }
}
