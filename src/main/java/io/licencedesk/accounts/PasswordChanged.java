package io.licencedesk.accounts;

import java.time.Instant;

/**
 * A user's password was set or changed: sessions signed in with the old one should end, and the audit log records
 * it (never the password).
 */
public record PasswordChanged(long userId, String email, long organisationId, Role role, How how, Instant occurredAt) {

    /**
     * How the password was set: {@code INVITATION} is a person's first password, through their invitation's link or a
     * link asked for on "Forgot your password?" before they had one; {@code RESET} a new one through a link; or by its
     * user.
     */
    public enum How {
        INVITATION,
        RESET,
        CHANGE
    }
}
