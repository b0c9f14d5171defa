package io.licencedesk.licence;

/** Plan names are unique within an organisation, ignoring case. */
public class PlanNameTakenException extends RuntimeException {

    public PlanNameTakenException() {
        super("A plan with this name already exists");
    }
}
