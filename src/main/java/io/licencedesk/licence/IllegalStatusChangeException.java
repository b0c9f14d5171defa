package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** A transition the licence's current status does not allow, such as resuming a licence that is not paused. */
public class IllegalStatusChangeException extends RefusedException {

    private final LifecycleStatus status;

    /**
     * @param code the refused change's reason, such as {@code reason.licence.cannotPause}, whose text names the
     *     status as its argument (in lower case, within a sentence: {@code licence.status.inSentence.PAUSED})
     */
    IllegalStatusChangeException(String code, LifecycleStatus status) {
        super(Reason.of(code, new DefaultMessageSourceResolvable("licence.status.inSentence." + status.name())));
        this.status = status;
    }

    /** The status that refused the change. */
    public LifecycleStatus status() {
        return status;
    }
}
