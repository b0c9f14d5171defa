package io.licencedesk.webhooks;

/**
 * A newly registered endpoint with its signing secret, which is available only here: show it to the owner once.
 * The server keeps it to sign with, but no page shows it again.
 */
public record CreatedEndpoint(WebhookEndpoint endpoint, String signingSecret) {

    @Override
    public String toString() {
        return "CreatedEndpoint[endpoint=" + endpoint + ", signingSecret=<hidden>]";
    }
}
