package io.licencedesk.devices;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** The licence takes no more screens; the reason says why, for the client. */
public class ScreenRegistrationRefusedException extends RefusedException {

    ScreenRegistrationRefusedException(Reason reason) {
        super(reason);
    }
}
