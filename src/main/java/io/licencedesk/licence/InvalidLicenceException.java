package io.licencedesk.licence;

/** Input the façade refuses, naming the field so a form can show the message beside it. */
public class InvalidLicenceException extends RuntimeException {

    private final String field;

    public InvalidLicenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
