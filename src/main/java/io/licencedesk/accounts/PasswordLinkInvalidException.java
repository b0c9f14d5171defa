package io.licencedesk.accounts;

/** A set-password link that is unknown, expired or already used: all three look the same to the person. */
public class PasswordLinkInvalidException extends RuntimeException {

    PasswordLinkInvalidException() {
        super("This link has expired or was already used");
    }
}
