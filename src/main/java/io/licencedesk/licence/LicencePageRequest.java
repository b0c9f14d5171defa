package io.licencedesk.licence;

/**
 * Which page of the main list: the first, the last, or the one after or before a cursor taken from a
 * previous page. Keyset paging keeps a page a millionth row deep as fast as the first.
 */
public record LicencePageRequest(String after, String before, boolean last, int size) {

    public static final int MAX_SIZE = 100;

    public LicencePageRequest {
        size = Math.min(Math.max(size, 1), MAX_SIZE);
        after = after == null || after.isBlank() ? null : after;
        before = before == null || before.isBlank() ? null : before;
    }

    public static LicencePageRequest first(int size) {
        return new LicencePageRequest(null, null, false, size);
    }

    boolean isFirst() {
        return after == null && before == null && !last;
    }
}
