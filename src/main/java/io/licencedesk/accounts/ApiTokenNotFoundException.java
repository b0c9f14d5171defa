package io.licencedesk.accounts;

/** No such token of the caller's (which also covers other people's tokens). */
public class ApiTokenNotFoundException extends RuntimeException {

    public ApiTokenNotFoundException(long id) {
        super("No such API token: " + id);
    }
}
