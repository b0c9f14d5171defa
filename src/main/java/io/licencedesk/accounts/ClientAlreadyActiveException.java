package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** An invitation for a client who has already chosen a password: they reset it themselves if need be. */
public class ClientAlreadyActiveException extends RefusedException {

    ClientAlreadyActiveException(String email) {
        super(Reason.of("reason.client.alreadyActive", email));
    }
}
