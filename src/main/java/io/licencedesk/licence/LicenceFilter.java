package io.licencedesk.licence;

import java.time.LocalDate;

/**
 * What the main list shows: all filters combine with AND, except that Expiring soon and Expired
 * together show licences that are either (both are "needs attention" views of the end date).
 *
 * @param status only licences in this lifecycle status, or any when null
 * @param inUseOn only licences in use on this day (activated by then, not yet ended, not paused), or any when null:
 *     the licences behind the dashboard's recurring revenue of a month (decision 0050)
 */
public record LicenceFilter(
        Long clientId,
        boolean expiringSoon,
        boolean expired,
        String keyword,
        LicenceSort sort,
        boolean ascending,
        LifecycleStatus status,
        LocalDate inUseOn) {

    public LicenceFilter {
        sort = sort == null ? LicenceSort.CREATED : sort;
    }

    public LicenceFilter(
            Long clientId, boolean expiringSoon, boolean expired, String keyword, LicenceSort sort, boolean ascending) {
        this(clientId, expiringSoon, expired, keyword, sort, ascending, null, null);
    }

    public static LicenceFilter none() {
        return new LicenceFilter(null, false, false, null, LicenceSort.CREATED, false);
    }
}
