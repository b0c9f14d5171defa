package io.licencedesk.devices;

/** The licence takes no more screens; the message says why, in words for the client. */
public class ScreenRegistrationRefusedException extends RuntimeException {

    public ScreenRegistrationRefusedException(String message) {
        super(message);
    }
}
