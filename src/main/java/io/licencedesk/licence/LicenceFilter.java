package io.licencedesk.licence;

/**
 * What the main list shows: all filters combine with AND, except that Expiring soon and Expired
 * together show licences that are either (both are "needs attention" views of the end date).
 */
public record LicenceFilter(
        Long clientId, boolean expiringSoon, boolean expired, String keyword, LicenceSort sort, boolean ascending) {

    public LicenceFilter {
        sort = sort == null ? LicenceSort.CREATED : sort;
    }

    public static LicenceFilter none() {
        return new LicenceFilter(null, false, false, null, LicenceSort.CREATED, false);
    }
}
