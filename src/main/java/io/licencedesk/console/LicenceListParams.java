package io.licencedesk.console;

import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LicenceSort;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.web.Words;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Boolean last,
        String status,
        String inUseOn) {

    /** Absent toggles are off (binding leaves them null). */
    LicenceListParams {
        soon = Boolean.TRUE.equals(soon);
        expired = Boolean.TRUE.equals(expired);
        last = Boolean.TRUE.equals(last);
    }

    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    static final int DEFAULT_SIZE = 25;

    /**
     * The further arguments of the notice for a page size the list does not offer: the sizes it offers, as a
     * sentence writes them ("10, 25, 50 or 100"), and the size it shows instead.
     */
    static Map<String, List<Object>> sizeNoticeArguments(Words words) {
        List<String> sizes = PAGE_SIZES.stream().map(String::valueOf).toList();
        String offered = sizes.size() == 1
                ? sizes.get(0)
                : words.of(
                        "list.orLast",
                        String.join(", ", sizes.subList(0, sizes.size() - 1)),
                        sizes.get(sizes.size() - 1));
        return Map.of("size", List.of(offered, String.valueOf(DEFAULT_SIZE)));
    }

    LicenceFilter filter() {
        return new LicenceFilter(client, soon, expired, q, sortColumn(), ascending(), statusFilter(), inUseOnDay());
    }

    /** The status asked for; an unknown or empty one means every status. */
    public LifecycleStatus statusFilter() {
        return StatusFilter.parse(LifecycleStatus.class, status);
    }

    /** The statuses the list can be filtered by, for its drop-down. */
    public List<LifecycleStatus> statuses() {
        return List.of(LifecycleStatus.values());
    }

    /** The day asked for (ISO, 2026-10-31); one that is not a date means any day. */
    public LocalDate inUseOnDay() {
        try {
            LocalDate day = inUseOn == null || inUseOn.isBlank() ? null : LocalDate.parse(inUseOn.strip());
            return day == null || day.getYear() < 1 || day.getYear() > 9999 ? null : day;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * The filters given a value the page cannot read, each with what was typed, in the order of the page's filters:
     * these are ignored, not refused (as on the invoice list), so the page shows the list without them and says which.
     */
    Map<String, String> notUnderstood() {
        var ignored = new LinkedHashMap<String, String>();
        if (given(status) && statusFilter() == null) {
            ignored.put("status", status.strip());
        }
        if (given(inUseOn) && inUseOnDay() == null) {
            ignored.put("inUseOn", inUseOn.strip());
        }
        if (given(sort) && knownSort() == null) {
            ignored.put("sort", sort.strip());
        }
        if (given(dir) && !knownDirection()) {
            ignored.put("dir", dir.strip());
        }
        if (size != null && !PAGE_SIZES.contains(size)) {
            ignored.put("size", size.toString());
        }
        return ignored;
    }

    /** What {@link #notUnderstood} names that the CSV download acts on: it holds every page, so not the page size. */
    Map<String, String> notUnderstoodByTheExport() {
        var ignored = notUnderstood();
        ignored.remove("size");
        return ignored;
    }

    /**
     * These parameters without the sort, direction and page size {@link #notUnderstood} names, so that the page's
     * links do not carry them on (and the notice with them) once it has said so.
     */
    LicenceListParams understood() {
        return new LicenceListParams(
                q,
                client,
                soon,
                expired,
                knownSort() == null ? null : sort,
                knownDirection() ? dir : null,
                size != null && PAGE_SIZES.contains(size) ? size : null,
                after,
                before,
                last,
                status,
                inUseOn);
    }

    /** The same list for every client: the one asked for is not one of the organisation's. */
    LicenceListParams withoutClient() {
        return new LicenceListParams(q, null, soon, expired, sort, dir, size, after, before, last, status, inUseOn);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    LicencePageRequest page() {
        return new LicencePageRequest(after, before, last, pageSize());
    }

    public int pageSize() {
        return size != null && PAGE_SIZES.contains(size) ? size : DEFAULT_SIZE;
    }

    public LicenceSort sortColumn() {
        LicenceSort known = knownSort();
        return known == null ? LicenceSort.CREATED : known;
    }

    /** The column asked for, or null when none is or it is not one of the list's. */
    private LicenceSort knownSort() {
        try {
            return given(sort) ? LicenceSort.valueOf(sort.strip().toUpperCase(Locale.ROOT)) : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Whether the direction is left out (descending) or one the page writes: asc or desc, in any case. */
    private boolean knownDirection() {
        return !given(dir) || "asc".equalsIgnoreCase(dir.strip()) || "desc".equalsIgnoreCase(dir.strip());
    }

    /**
     * The direction asked for; without one (or with one the page does not understand), newest first by date created
     * and ascending by any other column, as the column's first click sorts and as the REST API sorts (decision 0105).
     */
    public boolean ascending() {
        if (given(dir) && knownDirection()) {
            return "asc".equalsIgnoreCase(dir.strip());
        }
        return sortColumn() != LicenceSort.CREATED;
    }

    public boolean sortedBy(String column) {
        return sortColumn().name().equalsIgnoreCase(column);
    }

    public boolean anyFilter() {
        return (q != null && !q.isBlank())
                || client != null
                || soon
                || expired
                || statusFilter() != null
                || inUseOnDay() != null;
    }

    /** Sorting by a column: ascending first, then flips; always back to the first page. */
    public String sortUrl(String column) {
        boolean ascendingNext = !(sortedBy(column) && ascending());
        return url(q, client, soon, expired, column.toLowerCase(Locale.ROOT), ascendingNext ? "asc" : "desc", size)
                + filters();
    }

    public String toggleSoonUrl() {
        return url(q, client, !soon, expired, sort, dir, size) + filters();
    }

    public String toggleExpiredUrl() {
        return url(q, client, soon, !expired, sort, dir, size) + filters();
    }

    public String firstUrl() {
        return url(q, client, soon, expired, sort, dir, size) + filters();
    }

    /** The same list without the "in use on" day (the dashboard's recurring revenue links to it). */
    public String withoutInUseOnUrl() {
        LifecycleStatus shown = statusFilter();
        return url(q, client, soon, expired, sort, dir, size)
                + (shown == null ? "" : "&status=" + shown.name().toLowerCase(Locale.ROOT));
    }

    /** The status and "in use on" filters, as they are added to the list's links. */
    private String filters() {
        LifecycleStatus shown = statusFilter();
        LocalDate day = inUseOnDay();
        return (shown == null ? "" : "&status=" + shown.name().toLowerCase(Locale.ROOT))
                + (day == null ? "" : "&inUseOn=" + day);
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
