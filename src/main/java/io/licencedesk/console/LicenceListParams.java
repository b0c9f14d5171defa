package io.licencedesk.console;

import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LicenceSort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The main list's query string: filters, sort, page size and cursor. Builds the links of the page
 * (sort headers, toggles, paging) so that each keeps the rest of the state.
 */
record LicenceListParams(
        String q,
        Long client,
        Boolean soon,
        Boolean expired,
        String sort,
        String dir,
        Integer size,
        String after,
        String before,
        Boolean last) {

    /** Absent toggles are off (binding leaves them null). */
    LicenceListParams {
        soon = Boolean.TRUE.equals(soon);
        expired = Boolean.TRUE.equals(expired);
        last = Boolean.TRUE.equals(last);
    }

    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    static final int DEFAULT_SIZE = 25;

    LicenceFilter filter() {
        return new LicenceFilter(client, soon, expired, q, sortColumn(), ascending());
    }

    LicencePageRequest page() {
        return new LicencePageRequest(after, before, last, pageSize());
    }

    public int pageSize() {
        return size != null && PAGE_SIZES.contains(size) ? size : DEFAULT_SIZE;
    }

    public LicenceSort sortColumn() {
        try {
            return sort == null ? LicenceSort.CREATED : LicenceSort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return LicenceSort.CREATED;
        }
    }

    public boolean ascending() {
        return "asc".equalsIgnoreCase(dir);
    }

    public boolean sortedBy(String column) {
        return sortColumn().name().equalsIgnoreCase(column);
    }

    public boolean anyFilter() {
        return (q != null && !q.isBlank()) || client != null || soon || expired;
    }

    /** Sorting by a column: ascending first, then flips; always back to the first page. */
    public String sortUrl(String column) {
        boolean ascendingNext = !(sortedBy(column) && ascending());
        return url(q, client, soon, expired, column.toLowerCase(Locale.ROOT), ascendingNext ? "asc" : "desc", size);
    }

    public String toggleSoonUrl() {
        return url(q, client, !soon, expired, sort, dir, size);
    }

    public String toggleExpiredUrl() {
        return url(q, client, soon, !expired, sort, dir, size);
    }

    public String firstUrl() {
        return url(q, client, soon, expired, sort, dir, size);
    }

    /** The CSV download of what the list shows: the same filters, search and sort, every page. */
    public String exportUrl() {
        return "/licences/export.csv" + firstUrl().substring("/licences".length());
    }

    public String lastUrl() {
        return firstUrl() + "&last=true";
    }

    public String afterUrl(String cursor) {
        return firstUrl() + "&after=" + encode(cursor);
    }

    public String beforeUrl(String cursor) {
        return firstUrl() + "&before=" + encode(cursor);
    }

    private static String url(
            String q, Long client, boolean soon, boolean expired, String sort, String dir, Integer size) {
        var query = new StringJoiner("&", "/licences?", "");
        query.add("size=" + (size == null ? DEFAULT_SIZE : size));
        if (q != null && !q.isBlank()) {
            query.add("q=" + encode(q));
        }
        if (client != null) {
            query.add("client=" + client);
        }
        if (soon) {
            query.add("soon=true");
        }
        if (expired) {
            query.add("expired=true");
        }
        if (sort != null && !sort.isBlank()) {
            query.add("sort=" + encode(sort));
        }
        if (dir != null && !dir.isBlank()) {
            query.add("dir=" + encode(dir));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
