package io.licencedesk.accounts;

/** Whether a client can sign in yet, as the console's client list shows it. */
public enum ClientAccess {
    /** Has no password and no invitation. */
    NOT_INVITED,
    /** Has an invitation that can still be used. */
    INVITED,
    /** Was invited, but the link expired unused. */
    INVITATION_EXPIRED,
    /** Has set a password. */
    ACTIVE,
    /** Staff stopped their portal access (decision 0055), whatever else is true. */
    DISABLED
}
