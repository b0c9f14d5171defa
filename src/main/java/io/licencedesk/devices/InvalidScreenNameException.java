package io.licencedesk.devices;

/** A screen name that is empty, longer than 100 characters or holds markup; the message says which. */
public class InvalidScreenNameException extends RuntimeException {

    public InvalidScreenNameException(String message) {
        super(message);
    }
}
