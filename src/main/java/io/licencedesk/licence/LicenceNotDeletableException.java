package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** Licences that a client has used, or that have been invoiced, are kept: they carry history and money. */
public class LicenceNotDeletableException extends RefusedException {

    LicenceNotDeletableException(Reason reason) {
        super(reason);
    }
}
