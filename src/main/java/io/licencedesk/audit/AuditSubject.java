package io.licencedesk.audit;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a recorded change is about, and the actions recorded on it. Kept rows bear these names, so they never
 * change; a row whose action is not listed here is refused when it is written, so that the log's filters know
 * every action there is.
 */
public enum AuditSubject {
    LICENCE,
    INVOICE("ISSUED", "RESENT", "PAID", "PAYMENT_REMOVED", "VOIDED"),
    CLIENT(
            "ADDED",
            "EDITED",
            "INVITED",
            "ACTIVATED",
            "DISABLED",
            "ENABLED",
            "RESET_SENT",
            "VIEW_STARTED",
            "VIEW_STOPPED"),
    PLAN("ADDED", "CHANGED"),
    /** A CSV import of licences (decision 0047): one entry for the import, not one per licence it created. */
    LICENCE_IMPORT("IMPORTED"),
    ORGANISATION("SETTINGS_CHANGED", "RENEWAL_SETTINGS_CHANGED", "PAYMENT_SETTINGS_CHANGED"),
    API_TOKEN("ISSUED", "REVOKED"),
    WEBHOOK_ENDPOINT("ADDED", "CHANGED", "ENABLED", "DISABLED", "DELETED", "DELIVERY_SENT_AGAIN", "SECRET_ROLLED"),
    /** A person's account: sign-ins and passwords, staff's and clients' alike; staff's invitations, roles and access. */
    USER(
            "SIGNED_IN",
            "SIGN_IN_FAILED",
            "PASSWORD_CHANGED",
            "PASSWORD_RESET",
            "INVITED",
            "ACTIVATED",
            "ROLE_CHANGED",
            "DISABLED",
            "ENABLED"),
    /** A coupon code a client tried and could not redeem; it has no id, and only its first characters are kept. */
    COUPON_CODE("REFUSED");

    private final List<String> actions;

    AuditSubject(String... actions) {
        this.actions = List.of(actions);
    }

    /** The actions recorded on this kind of subject; a licence's are those of its events and its screens', by name. */
    public List<String> actions() {
        return this == LICENCE
                ? Stream.concat(
                                AuditTrail.LICENCE_ACTIONS.values().stream(),
                                ScreensTrail.SCREEN_ACTIONS.values().stream())
                        .sorted()
                        .toList()
                : actions;
    }
}
