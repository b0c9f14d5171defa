package io.licencedesk.invoicing;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A selection that cannot be invoiced: empty, more than 20 licences, or a licence without a client. */
public class InvalidSelectionException extends RefusedException {

    InvalidSelectionException(Reason reason) {
        super(reason);
    }
}
