package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;

/**
 * An invitation refused by the limits of decision 0084 (a link in the last minute, or the day's five), with how long
 * to wait: the REST API answers it 429 with {@code Retry-After} (decision 0113), the console in its toast's words.
 */
public class InvitationLimitedException extends PeopleRefusedException {

    private final long retryAfterSeconds;

    InvitationLimitedException(Reason reason, long retryAfterSeconds) {
        super(reason);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until an invitation to this person would be taken: at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
