package io.licencedesk.webhooks;

/** No such endpoint or delivery in the caller's organisation: another organisation's is not found either. */
public class EndpointNotFoundException extends RuntimeException {

    public EndpointNotFoundException(long id) {
        super("No webhook endpoint or delivery " + id);
    }
}
