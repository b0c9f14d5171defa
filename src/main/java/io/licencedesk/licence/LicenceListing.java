package io.licencedesk.licence;

import java.util.List;

/**
 * A page of the main list with cursors to its neighbours. The count stops at {@link #COUNT_LIMIT}
 * ("More than 1,000"), because an exact count of a large match costs more than the page itself:
 * counting a common word's 10,001 matches took 140–430 ms at a million licences (docs/benchmarks.md).
 */
public record LicenceListing(
        List<LicenceRow> rows,
        long count,
        boolean hasPrevious,
        boolean hasNext,
        String previousCursor,
        String nextCursor) {

    public static final int COUNT_LIMIT = 1_000;

    public int countLimit() {
        return COUNT_LIMIT;
    }

    public boolean countCapped() {
        return count > COUNT_LIMIT;
    }
}
