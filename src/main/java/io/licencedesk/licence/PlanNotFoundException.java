package io.licencedesk.licence;

/** No such plan in the caller's organisation. */
public class PlanNotFoundException extends RuntimeException {

    public PlanNotFoundException(long id) {
        super("No such plan: " + id);
    }
}
