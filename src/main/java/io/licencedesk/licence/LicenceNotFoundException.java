package io.licencedesk.licence;

/** No such licence in the caller's organisation (licences of other organisations look the same). */
public class LicenceNotFoundException extends RuntimeException {

    public LicenceNotFoundException(long id) {
        super("No such licence: " + id);
    }
}
