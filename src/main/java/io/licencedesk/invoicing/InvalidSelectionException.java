package io.licencedesk.invoicing;

/** A selection that cannot be invoiced: empty, more than 20 licences, or a licence without a client. */
public class InvalidSelectionException extends RuntimeException {

    public InvalidSelectionException(String message) {
        super(message);
    }
}
