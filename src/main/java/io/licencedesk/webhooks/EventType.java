package io.licencedesk.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of event an endpoint can receive, by the names they have on the wire. Names never change. */
public enum EventType {
    LICENCE_CREATED("licence.created"),
    LICENCE_UPDATED("licence.updated"),
    LICENCE_ASSIGNED("licence.assigned"),
    LICENCE_REDEEMED("licence.redeemed"),
    LICENCE_ACTIVATED("licence.activated"),
    LICENCE_PAUSED("licence.paused"),
    LICENCE_RESUMED("licence.resumed"),
    LICENCE_DELETED("licence.deleted"),
    LICENCE_RENEWED("licence.renewed"),
    LICENCE_EXPIRING_SOON("licence.expiring_soon"),
    LICENCE_EXPIRED("licence.expired"),
    INVOICE_ISSUED("invoice.issued"),
    INVOICE_PAID("invoice.paid"),
    INVOICE_PAYMENT_REMOVED("invoice.payment_removed"),
    INVOICE_VOIDED("invoice.voided"),
    SCREEN_REGISTERED("screen.registered"),
    SCREEN_RENAMED("screen.renamed"),
    SCREEN_ACTIVATED("screen.activated"),
    SCREEN_REMOVED("screen.removed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The type as events and the console write it, such as {@code licence.paused}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
