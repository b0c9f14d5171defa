package io.licencedesk.devices;

import io.licencedesk.shared.Reason;

/**
 * Another screen of the licence has the name: the name is fine, the licence's other screens refuse it. The REST API
 * answers it as a conflict, as it does an e-mail address or a plan name in use.
 */
public class ScreenNameTakenException extends InvalidScreenNameException {

    ScreenNameTakenException(String name) {
        super(Reason.of("reason.screen.nameTaken", name));
    }
}
