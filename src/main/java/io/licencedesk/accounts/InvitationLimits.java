package io.licencedesk.accounts;

import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.AttemptLimits.Limit;
import io.licencedesk.shared.Reason;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How often one person may be sent an invitation, a client's or a colleague's (decision 0084): once a minute, as any
 * e-mail with a password link, and at most {@value #PER_DAY_COUNT} a day. Each press of "Invite again" e-mailed them
 * at once, so a person's inbox could be filled by the hundred from one page (the minute's limit alone still let
 * 1,440 through a day).
 */
final class InvitationLimits {

    static final int PER_DAY_COUNT = 5;

    /** Five at once, then one back every 4.8 hours: a day of five mistyped or lost e-mails, not a flood. */
    static final Limit PER_DAY = new Limit("invitation-day", PER_DAY_COUNT, Duration.ofDays(1));

    private InvitationLimits() {}

    /**
     * Counts an invitation to this person, or refuses it: the day's limit is asked first without counting, so that
     * a refusal for the day does not also use the minute's attempt; a refusal rolls back with the caller's
     * transaction.
     *
     * @throws InvitationLimitedException when the person was sent a link in the last minute, or the day's invitations,
     *     with the seconds to wait
     */
    static void take(AttemptLimits limits, long personId) {
        String key = Long.toString(personId);
        OptionalLong wait = limits.waitFor(PER_DAY, key);
        if (wait.isPresent()) {
            throw tooMany(wait.getAsLong());
        }
        wait = limits.take(PasswordManagement.RESETS, key);
        if (wait.isPresent()) {
            throw new InvitationLimitedException(Reason.of("reason.people.invitationTooSoon"), wait.getAsLong());
        }
        wait = limits.take(PER_DAY, key);
        if (wait.isPresent()) {
            throw tooMany(wait.getAsLong()); // another request took the last one in between
        }
    }

    private static PeopleRefusedException tooMany(long seconds) {
        long hours = Math.max(1, (seconds + 3599) / 3600);
        return new InvitationLimitedException(
                Reason.of("reason.people.invitationTooMany", PER_DAY_COUNT, hours), seconds);
    }
}
