package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A change to a person that the organisation's rules refuse (the last enabled owner, a role clients cannot have). */
public class PeopleRefusedException extends RefusedException {

    PeopleRefusedException(String code) {
        super(Reason.of(code));
    }

    PeopleRefusedException(Reason reason) {
        super(reason);
    }
}
