package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A token cannot be made as asked (its name, its last day). */
public class ApiTokenRefusedException extends RefusedException {

    private final String field;

    ApiTokenRefusedException(String field, Reason reason) {
        super(reason);
        this.field = field;
    }

    /** The form field at fault. */
    public String field() {
        return field;
    }
}
