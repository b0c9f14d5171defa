package io.licencedesk.accounts;

import java.time.Instant;

/**
 * A sign-in with the e-mail of one of the organisation's accounts failed: a wrong password, or an account that may
 * not sign in. Published only when the e-mail is an account's (decision 0051); never with the password tried.
 *
 * @param email the e-mail tried, as the account has it
 * @param reason {@link #WRONG_PASSWORD} or {@link #REFUSED}
 */
public record SignInFailed(
        long organisationId, long userId, Role role, String email, String reason, Instant occurredAt) {

    public static final String WRONG_PASSWORD = "wrong password";

    /** The account is disabled, or may not sign in yet (a client who has not chosen a password). */
    public static final String REFUSED = "account may not sign in";
}
