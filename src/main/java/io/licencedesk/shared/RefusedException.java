package io.licencedesk.shared;

/**
 * The domain refused what it was asked, for a {@link Reason} a person can read once a channel renders it. The
 * exception's own message is the reason's code and arguments, for logs; never show it to a user.
 */
public abstract class RefusedException extends RuntimeException {

    private final Reason reason;

    protected RefusedException(Reason reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
