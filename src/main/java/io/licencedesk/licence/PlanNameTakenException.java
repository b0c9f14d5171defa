package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;

/** Plan names are unique within an organisation, ignoring case. */
public class PlanNameTakenException extends RefusedException {

    PlanNameTakenException() {
        super(Reason.of("reason.plan.nameTaken"));
    }
}
