package io.licencedesk.webhooks;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** An endpoint that may not be registered, with the field at fault ({@code url}, {@code eventTypes}, ...). */
public class EndpointRefusedException extends RefusedException {

    private final String field;

    EndpointRefusedException(String field, Reason reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
