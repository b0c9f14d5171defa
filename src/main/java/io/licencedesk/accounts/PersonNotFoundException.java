package io.licencedesk.accounts;

/** No such person in the caller's organisation (another organisation's people are not found either). */
public class PersonNotFoundException extends RuntimeException {

    public PersonNotFoundException(long id) {
        super("No person " + id);
    }
}
