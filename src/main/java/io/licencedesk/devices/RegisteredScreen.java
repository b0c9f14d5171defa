package io.licencedesk.devices;

/**
 * A newly registered screen with its device credential. The credential is only ever available here:
 * LicenceDesk keeps nothing but its hash, so show it to the client once and then forget it.
 */
public record RegisteredScreen(Screen screen, String credential) {

    @Override
    public String toString() {
        return "RegisteredScreen[screen=" + screen + ", credential=<hidden>]";
    }
}
