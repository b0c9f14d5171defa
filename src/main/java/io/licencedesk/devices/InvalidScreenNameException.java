package io.licencedesk.devices;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A screen name that is empty, longer than 100 characters or holds markup; the reason says which. */
public class InvalidScreenNameException extends RefusedException {

    InvalidScreenNameException(Reason reason) {
        super(reason);
    }
}
