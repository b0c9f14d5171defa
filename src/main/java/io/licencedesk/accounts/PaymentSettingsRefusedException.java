package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** A payment setting that is not acceptable, naming the field the form shows it beside. */
public class PaymentSettingsRefusedException extends RefusedException {

    private final String field;

    PaymentSettingsRefusedException(String field, Reason reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
