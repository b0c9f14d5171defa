package io.licencedesk.accounts;

/** An e-mail address identifies one user in the whole installation. */
public class EmailAlreadyUsedException extends RuntimeException {

    public EmailAlreadyUsedException(String email) {
        super("A user with this e-mail already exists");
    }
}
