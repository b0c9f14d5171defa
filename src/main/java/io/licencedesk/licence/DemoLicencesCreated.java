package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.util.List;

/**
 * The demo licences exist; these should be invoiced, and of those these marked paid. The licences in use (assigned,
 * activated, neither paused nor ended) are listed with their client, for screens to be registered on some of them.
 */
public record DemoLicencesCreated(Caller manager, List<Long> toInvoice, List<Long> toMarkPaid, List<InUse> inUse) {

    /** A demo licence a client uses now, with its number of screens. */
    public record InUse(long licenceId, Caller client, int quantity) {}
}
