package io.licencedesk.audit;

/**
 * Which page of the log, newest first: the first, the last, or the one after (older than) or before (newer than)
 * an entry's id taken from a previous page. Keyset paging on the id: a page deep in the log costs what the first does
 * (decision 0003).
 */
public record AuditPageRequest(Long after, Long before, boolean last, int size) {

    public static final int MAX_SIZE = 100;

    public AuditPageRequest {
        size = Math.min(Math.max(size, 1), MAX_SIZE);
    }

    public static AuditPageRequest first(int size) {
        return new AuditPageRequest(null, null, false, size);
    }

    boolean isFirst() {
        return after == null && before == null && !last;
    }
}
