package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A renewal setting out of range, naming the field the form shows it beside. */
public class RenewalSettingsRefusedException extends RefusedException {

    private final String field;

    RenewalSettingsRefusedException(String field, Reason reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
