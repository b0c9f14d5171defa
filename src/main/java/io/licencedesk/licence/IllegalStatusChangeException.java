package io.licencedesk.licence;

/** A transition the licence's current status does not allow, such as resuming a licence that is not paused. */
public class IllegalStatusChangeException extends RuntimeException {

    public IllegalStatusChangeException(String action, LifecycleStatus status) {
        super("A licence that is " + status.label().toLowerCase() + " cannot be " + action + ".");
    }
}
