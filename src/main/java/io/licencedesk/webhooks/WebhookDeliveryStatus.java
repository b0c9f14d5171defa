package io.licencedesk.webhooks;

/** Where a delivery is: waiting (first try or a retry), being sent, answered with a 2xx, or given up on. */
public enum WebhookDeliveryStatus {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED;

    /** A person may send a delivery again once it is over, whichever way it ended. */
    public boolean canSendAgain() {
        return this == DELIVERED || this == FAILED;
    }
}
