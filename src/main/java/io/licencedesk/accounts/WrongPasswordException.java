package io.licencedesk.accounts;

/** The current password given to change a password is not the user's. */
public class WrongPasswordException extends RuntimeException {

    WrongPasswordException() {
        super("The current password is not right");
    }
}
