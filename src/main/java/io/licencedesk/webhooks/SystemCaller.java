package io.licencedesk.webhooks;

import io.licencedesk.accounts.Caller;

/**
 * The organisation itself, reading through the façades the resources its webhooks send: the change that caused an
 * event may have been a client's or a screen's, who cannot read them as staff can. Nobody's user id; it only reads.
 */
final class SystemCaller {

    private SystemCaller() {}

    static Caller of(long organisationId) {
        return Caller.organisationItself(organisationId, "webhooks@licencedesk.invalid", "Webhooks");
    }
}
