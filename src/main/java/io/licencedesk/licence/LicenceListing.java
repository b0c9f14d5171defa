package io.licencedesk.licence;

import java.util.List;

/**
 * A page of the main list with cursors to its neighbours. The count stops at {@link #COUNT_LIMIT}
 * ("10,000+"), because an exact count of a large match costs more than the page itself.
 */
public record LicenceListing(
        List<LicenceRow> rows,
        long count,
        boolean hasPrevious,
        boolean hasNext,
        String previousCursor,
        String nextCursor) {

    public static final int COUNT_LIMIT = 10_000;

    public boolean countCapped() {
        return count > COUNT_LIMIT;
    }
}
