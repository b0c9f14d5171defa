package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input the façade refuses, naming each field at fault so a form or an API answer can show every reason beside its
 * field at once (decision 0077). {@link #field()} and {@link #reason()} are the first of them.
 */
public class InvalidLicenceException extends RefusedException {

    private final String field;
    private final Map<String, Reason> refusals;

    InvalidLicenceException(String field, Reason reason) {
        this(Map.of(field, reason));
    }

    /** @param refusals by field, in the order they are checked; at least one */
    InvalidLicenceException(Map<String, Reason> refusals) {
        super(refusals.values().iterator().next());
        this.refusals = Collections.unmodifiableMap(new LinkedHashMap<>(refusals));
        this.field = this.refusals.keySet().iterator().next();
    }

    public String field() {
        return field;
    }

    /** Every field refused, with its reason, in the order the rules check them. */
    public Map<String, Reason> refusals() {
        return refusals;
    }
}
