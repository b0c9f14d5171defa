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
 * used by the small run to compute the expected page independently of the application's SQL.
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

    /** The cursor of the default sort (id descending) after a given licence: "\n" + id, base64url. */
    static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The coupon codes the page must show, in order (only for the default sort). */
    List<String> expectedCodes(List<Row> rows) {
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
