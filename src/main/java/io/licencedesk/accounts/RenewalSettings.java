package io.licencedesk.accounts;

/**
 * How an organisation's renewal cycle runs (decision 0048): the renewal invoice is issued this many days before a
 * term ends, an unpaid invoice is reminded this many days after its due date, and, only if the owner turns it on, a
 * licence whose renewal invoice is still unpaid this many days after its due date is paused.
 */
public record RenewalSettings(
        int renewalInvoiceDays, int overdueReminderDays, boolean overduePause, int overduePauseDays) {

    /** The longest any of the waits may be. */
    public static final int MAX_DAYS = 365;

    public static final RenewalSettings DEFAULTS = new RenewalSettings(14, 7, false, 30);
}
