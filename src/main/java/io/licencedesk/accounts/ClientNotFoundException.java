package io.licencedesk.accounts;

/** No such client in the caller's organisation (which also covers clients of other organisations). */
public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException(long clientId) {
        super("No such client: " + clientId);
    }
}
