package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/**
 * An invitation for a client whose portal access is disabled: its link could not be used (a disabled person's links
 * open nothing), so the client would have been e-mailed a link that says it has expired.
 */
public class ClientAccessDisabledException extends RefusedException {

    ClientAccessDisabledException(String email) {
        super(Reason.of("reason.client.invitationDisabled", email));
    }
}
