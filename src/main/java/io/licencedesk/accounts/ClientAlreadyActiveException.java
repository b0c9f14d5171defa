package io.licencedesk.accounts;

/** An invitation for a client who has already chosen a password: they reset it themselves if need be. */
public class ClientAlreadyActiveException extends RuntimeException {

    public ClientAlreadyActiveException(String email) {
        super(email + " has already chosen a password. They can use “Forgot your password?” on the sign-in page.");
    }
}
