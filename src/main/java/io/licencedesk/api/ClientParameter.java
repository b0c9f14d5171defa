package io.licencedesk.api;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.Reason;
import org.springframework.stereotype.Component;

/**
 * The {@code client} filter of the licence and invoice lists. A client that is not one of the caller's organisation
 * answered an empty page, as if that client had nothing; it is refused (400 {@code bad-parameter}) with the same
 * words for another organisation's client and for an id of nobody, so that the answer tells nothing about other
 * organisations, and the words the console's export says (decisions 0092 and 0096).
 */
@Component
class ClientParameter {

    private final AccountManagement accounts;

    ClientParameter(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** The client asked for, when one of the caller's organisation; null when none is asked for. */
    Long ofYours(Caller caller, Long client) {
        if (client != null
                && accounts.findClient(caller.organisationId(), client).isEmpty()) {
            throw ApiParameters.invalid("client", Reason.of("reason.api.clientNotYours"));
        }
        return client;
    }
}
