package io.licencedesk.devices;

import io.licencedesk.shared.Reason;

/** Every seat of the licence is taken by a screen; remove one to register another. */
public class ScreenLimitReachedException extends ScreenRegistrationRefusedException {

    ScreenLimitReachedException(int quantity) {
        super(Reason.of("reason.screen.limitReached", quantity));
    }
}
