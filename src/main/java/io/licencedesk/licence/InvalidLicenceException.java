package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** Input the façade refuses, naming the field so a form can show the reason beside it. */
public class InvalidLicenceException extends RefusedException {

    private final String field;

    InvalidLicenceException(String field, Reason reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
