package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A licence import cannot do what was asked (a file too large, a step out of turn); nothing changed. */
public class ImportRefusedException extends RefusedException {

    ImportRefusedException(Reason reason) {
        super(reason);
    }
}
