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
        RESET_SENT,
        /** A member of staff started looking at the portal as the client sees it (decision 0056). */
        VIEW_STARTED,
        /** They stopped. */
        VIEW_STOPPED
    }

    /** Whether the change is to the person's role or access, whose state before and after is worth recording. */
    public boolean changesAccess() {
        return change == Change.INVITED
                || change == Change.ROLE_CHANGED
                || change == Change.DISABLED
                || change == Change.ENABLED;
    }

    /** Whether the sessions signed in as the person before this change must end. */
    public boolean endsSessions() {
        return change == Change.DISABLED || change == Change.ROLE_CHANGED;
    }
}
