package io.licencedesk.accounts;

/** An e-mail address identifies one user in the whole installation. */
public class EmailAlreadyUsedException extends RuntimeException {

    private final String email;

    public EmailAlreadyUsedException(String email) {
        super("A user with this e-mail already exists");
        this.email = email;
    }

    /** The address as it was normalised, which is how the other account holds it. */
    public String email() {
        return email;
    }
}
