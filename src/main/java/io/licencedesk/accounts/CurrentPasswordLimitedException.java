package io.licencedesk.accounts;

/**
 * Too many wrong current passwords given to change a password: whoever holds the session (perhaps not its owner) must
 * wait before guessing again. Nothing was checked.
 */
public class CurrentPasswordLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    CurrentPasswordLimitedException(long retryAfterSeconds) {
        super("Too many wrong current passwords");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
