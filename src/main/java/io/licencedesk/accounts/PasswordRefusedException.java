package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A new password does not meet the password policy; the reason says why, for the person choosing it. */
public class PasswordRefusedException extends RefusedException {

    PasswordRefusedException(Reason reason) {
        super(reason);
    }
}
