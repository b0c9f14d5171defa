package io.licencedesk.accounts;

import java.time.Instant;

/**
 * Someone changed who may use the organisation's LicenceDesk: invited a person (before is null), changed their role,
 * disabled or re-enabled them. When the person may no longer sign in as they did (disabled, or another role), their
 * sessions end at once; their API tokens already stop, since a token is checked against its person on every request.
 */
public record PersonChanged(Caller actor, Change change, Person before, Person after, Instant occurredAt) {

    /** What changed, named as the audit log records it. */
    public enum Change {
        INVITED,
        ROLE_CHANGED,
        DISABLED,
        ENABLED,
        /** Staff e-mailed a client a link to choose a new password. */
        RESET_SENT
    }

    /** Whether the sessions signed in as the person before this change must end. */
    public boolean endsSessions() {
        return change == Change.DISABLED || change == Change.ROLE_CHANGED;
    }
}
