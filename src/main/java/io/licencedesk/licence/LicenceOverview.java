package io.licencedesk.licence;

import java.util.List;

/**
 * An organisation's licences at a glance (the staff dashboard, decision 0050): how many are in each status, how many
 * screens the active ones license, how many are expiring soon, the recurring revenue at the end of each month, and
 * the licences ending soonest.
 *
 * @param byStatus every status, in the order of {@link LifecycleStatus}
 * @param activeScreens the screens licensed: the quantities of the active licences, added up
 * @param expiringSoon the active licences ending within the organisation's expiring-soon window
 * @param expiringSoonWindow that window: its first and last days, both included
 * @param recurringRevenue one month after another, the oldest first, the current one last (as of today)
 * @param ending the first of the licences expiring soon, the soonest first
 */
public record LicenceOverview(
        List<StatusCount> byStatus,
        long activeScreens,
        long expiringSoon,
        ExpiringSoonWindow expiringSoonWindow,
        List<RecurringRevenue> recurringRevenue,
        List<EndingLicence> ending) {

    /** How many licences are in a status. */
    public record StatusCount(LifecycleStatus status, long licences) {}

    /** The window's length in days after today. */
    public int expiringSoonDays() {
        return expiringSoonWindow.days();
    }

    public long total() {
        return byStatus.stream().mapToLong(StatusCount::licences).sum();
    }

    public long count(LifecycleStatus status) {
        return byStatus.stream()
                .filter(count -> count.status() == status)
                .mapToLong(StatusCount::licences)
                .sum();
    }

    public long active() {
        return count(LifecycleStatus.ACTIVE);
    }

    /** Today's recurring revenue: the last month's. */
    public RecurringRevenue currentRevenue() {
        return recurringRevenue.get(recurringRevenue.size() - 1);
    }
}
