package io.licencedesk.webhooks;

/**
 * One delivery with the request it sends: the exact body (the event's JSON, the same at every attempt) beside what
 * its log row shows. The signature is not here: it is computed at each attempt, with that attempt's time.
 */
public record DeliveryRequest(WebhookDelivery delivery, String body) {

    /** The Content-Type every attempt sends. */
    public static final String CONTENT_TYPE = "application/json";

    /** The User-Agent every attempt sends. */
    public static final String USER_AGENT = "LicenceDesk-Webhooks/1";

    /** For the page: the request's headers as sent, the signature's value aside (it is the attempt's). */
    public String headers(String url) {
        return "POST " + url + "\nContent-Type: " + CONTENT_TYPE + "\nUser-Agent: " + USER_AGENT + "\n"
                + WebhookSender.EVENT_ID_HEADER + ": " + delivery.eventId() + "\n" + Signatures.HEADER + ": t=…,v1=…";
    }
}
