package io.licencedesk.licence;

/** No such licence in the caller's organisation (licences of other organisations look the same). */
public class LicenceNotFoundException extends RuntimeException {

    private final long id;

    public LicenceNotFoundException(long id) {
        super("No such licence: " + id);
        this.id = id;
    }

    /** The licence asked for: none, or not one the caller may see. */
    public long id() {
        return id;
    }
}
