package io.licencedesk.accounts;

/** A new password does not meet the password policy; the message says why, for the person choosing it. */
public class PasswordRefusedException extends RuntimeException {

    PasswordRefusedException(String reason) {
        super(reason);
    }
}
