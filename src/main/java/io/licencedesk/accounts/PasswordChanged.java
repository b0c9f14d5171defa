package io.licencedesk.accounts;

import java.time.Instant;

/**
 * A user's password was set or changed: sessions signed in with the old one should end, and the audit log records
 * it (never the password).
 */
public record PasswordChanged(long userId, String email, long organisationId, Role role, How how, Instant occurredAt) {

    /** How the password was set: through an invitation's link (a client's first), a reset link, or by its user. */
    public enum How {
        INVITATION,
        RESET,
        CHANGE
    }
}
