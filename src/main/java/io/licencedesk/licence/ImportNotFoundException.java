package io.licencedesk.licence;

/** No licence import with this id in the caller's organisation. */
public class ImportNotFoundException extends RuntimeException {

    ImportNotFoundException() {
        super("No such import");
    }
}
