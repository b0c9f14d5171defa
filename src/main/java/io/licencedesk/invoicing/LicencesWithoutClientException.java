package io.licencedesk.invoicing;

import io.licencedesk.shared.Reason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A selection to invoice with licences that have no client to bill: every one of them, not only the first, so that
 * a program can name each (the REST API's {@code licenceIds[i]}); the reason is the first's, as the console says it.
 */
public class LicencesWithoutClientException extends InvalidSelectionException {

    private final Map<Long, String> codes;

    LicencesWithoutClientException(Map<Long, String> codes) {
        super(Reason.of(
                "reason.invoice.licenceHasNoClient", codes.values().iterator().next()));
        this.codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** The coupon code of each licence without a client, by its id, in id order. */
    public Map<Long, String> codes() {
        return codes;
    }
}
