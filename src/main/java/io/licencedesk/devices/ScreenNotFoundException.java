package io.licencedesk.devices;

/** No such screen on that licence (removed screens and other clients' screens look the same). */
public class ScreenNotFoundException extends RuntimeException {

    public ScreenNotFoundException(long id) {
        super("No such screen: " + id);
    }
}
