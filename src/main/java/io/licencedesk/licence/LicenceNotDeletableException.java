package io.licencedesk.licence;

/** Licences that a client has used, or that have been invoiced, are kept: they carry history and money. */
public class LicenceNotDeletableException extends RuntimeException {

    public LicenceNotDeletableException(String reason) {
        super(reason);
    }
}
