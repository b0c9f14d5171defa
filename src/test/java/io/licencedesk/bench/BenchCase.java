package io.licencedesk.bench;

import io.licencedesk.bench.BenchData.Row;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One request of the main list to time, with what it must show: a predicate over the generated rows,
 * used by the small run to compute the expected page independently of the application's SQL. Each case is asked
 * for in two ways: the console's page ({@link #path()}) and the REST API's {@code GET /api/v1/licences} with the
 * same filters, search and sort ({@link #apiPath()}).
 *
 * <p>The cursor id: for {@link Page#AFTER}, the licence the page follows (both surfaces); for {@link Page#LAST},
 * the licence the last page of the default order follows when walked 25 at a time from the first page. The
 * console jumps to the last page ({@code last=true}); the API has no such shortcut, so a program walks
 * {@code nextCursor} to the end, and the request timed is the walk's last one, with that cursor.
 */
record BenchCase(String name, String query, Predicate<Row> matches, Page page, long cursorId, boolean byId) {

    enum Page {
        FIRST,
        AFTER,
        LAST
    }

    static final int PAGE_SIZE = 25;
    static final int COUNT_LIMIT = io.licencedesk.licence.LicenceListing.COUNT_LIMIT;

    String path() {
        return path(PAGE_SIZE);
    }

    /** The same request with another page size, to weigh a row of HTML. */
    String path(int size) {
        String cursor = page == Page.AFTER ? "&after=" + cursor(cursorId) : page == Page.LAST ? "&last=true" : "";
        return "/licences?size=" + size + (query.isEmpty() ? "" : "&" + query) + cursor;
    }

    /** The REST API's request for the same page, with {@code limit} as the page size. */
    String apiPath() {
        return apiPath(PAGE_SIZE);
    }

    /**
     * The REST API's names for the console's parameters (docs/api.md): {@code soon} is {@code expiringSoon},
     * {@code dir} is {@code order}, {@code size} is {@code limit}; client, expired, q, sort and after are the same.
     */
    String apiPath(int limit) {
        StringBuilder path = new StringBuilder("/api/v1/licences?limit=").append(limit);
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] nameAndValue = parameter.split("=", 2);
            String name = switch (nameAndValue[0]) {
                case "soon" -> "expiringSoon";
                case "dir" -> "order";
                case "client", "expired", "q", "sort" -> nameAndValue[0];
                default -> throw new IllegalArgumentException("No API parameter for " + parameter);
            };
            path.append('&').append(name).append('=').append(nameAndValue[1]);
        }
        if (page != Page.FIRST) {
            path.append("&after=").append(cursor(cursorId));
        }
        return path.toString();
    }

    /** The cursor of the default sort (id descending) after a given licence: "created.desc\n\n" + id, base64url. */
    static String cursor(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("created.desc\n\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The coupon codes the console's page must show, in order (only for the default sort). */
    List<String> expectedCodes(List<Row> rows) {
        return expectedCodes(rows, page);
    }

    /** The coupon codes the API's page must show: the last page is the one after the walk's last cursor. */
    List<String> expectedApiCodes(List<Row> rows) {
        return expectedCodes(rows, page == Page.LAST ? Page.AFTER : page);
    }

    private List<String> expectedCodes(List<Row> rows, Page page) {
        List<Row> matching = rows.stream()
                .filter(matches)
                .filter(row -> page != Page.AFTER || row.id() < cursorId)
                .sorted(Comparator.comparingLong(Row::id).reversed())
                .toList();
        int from = page == Page.LAST ? Math.max(0, matching.size() - PAGE_SIZE) : 0;
        return matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE)).stream()
                .map(Row::couponCode)
                .toList();
    }

    /** The count the page must state, capped as the application caps it. */
    long expectedCount(List<Row> rows) {
        return Math.min(rows.stream().filter(matches).count(), COUNT_LIMIT + 1);
    }

    /** The lifecycle status rule of LicenceState.statusOf, restated for the check. */
    static String status(Row row, LocalDate today) {
        if (row.endsOn() != null && row.endsOn().isBefore(today)) {
            return "expired";
        }
        if (row.paused()) {
            return "paused";
        }
        if (row.activatedOn() != null) {
            return "active";
        }
        return row.clientId() == null ? "available" : "assigned";
    }

    static Predicate<Row> expiringSoon(LocalDate today) {
        return row -> status(row, today).equals("active") && !row.endsOn().isAfter(today.plusDays(30));
    }

    static Predicate<Row> expired(LocalDate today) {
        return row -> status(row, today).equals("expired");
    }

    /** The product's search: the licence's text, its client, its plan or its status contains the term. */
    static Predicate<Row> keyword(String term, Map<Long, String> clients, LocalDate today) {
        String word = term.strip().toLowerCase(Locale.ROOT);
        return row -> (row.couponCode() + " " + row.name() + " " + (row.note() == null ? "" : row.note()))
                        .toLowerCase(Locale.ROOT)
                        .contains(word)
                || (row.clientId() != null && clients.get(row.clientId()).contains(word))
                || row.planName().toLowerCase(Locale.ROOT).contains(word)
                || status(row, today).contains(word);
    }
}
