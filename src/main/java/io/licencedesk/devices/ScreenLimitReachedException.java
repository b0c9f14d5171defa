package io.licencedesk.devices;

/** Every seat of the licence is taken by a screen; remove one to register another. */
public class ScreenLimitReachedException extends ScreenRegistrationRefusedException {

    public ScreenLimitReachedException(int quantity) {
        super(
                quantity == 1
                        ? "This licence has 1 screen and it is registered. Remove it to register another."
                        : "All " + quantity
                                + " screens of this licence are registered. Remove one to register another.");
    }
}
