package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A renewal the licence refuses: nothing to renew yet, paused, already renewed, or lapsed (decision 0048). */
public class RenewalRefusedException extends RefusedException {

    RenewalRefusedException(Reason reason) {
        super(reason);
    }
}
