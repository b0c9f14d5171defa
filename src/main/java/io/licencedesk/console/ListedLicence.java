package io.licencedesk.console;

import io.licencedesk.licence.LicenceRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One row of the main list as the page shows it. The dates, amount and badges are written here once per row:
 * as template expressions ({@code #temporals.format}, a fragment per badge, a method call per cell) they took
 * most of a page's rendering time (docs/benchmarks.md, "The list page's own time").
 *
 * @param created and {@code ends}: as {@code #temporals.format(…, 'd MMM yyyy')} wrote them, in the request's
 *     locale and the server's time zone
 * @param status the lifecycle badge's text, e.g. "Active · expiring soon"; {@code statusClass} its colour
 */
record ListedLicence(
        LicenceRow licence,
        boolean selected,
        String amount,
        String created,
        String ends,
        String status,
        String statusClass,
        String billingClass) {

    private static final String DATE_PATTERN = "d MMM yyyy";
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

    static List<ListedLicence> of(List<LicenceRow> rows, Set<Long> selectedIds, Locale locale) {
        DateTimeFormatter dates = DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern(DATE_PATTERN, l));
        ZoneId zone = ZoneId.systemDefault();
        return rows.stream()
                .map(row -> new ListedLicence(
                        row,
                        selectedIds.contains(row.id()),
                        row.amount().formatted(),
                        dates.format(row.createdAt().atZone(zone)),
                        row.endsOn() == null ? "—" : dates.format(row.endsOn()),
                        row.expiringSoon()
                                ? row.status().label() + " · expiring soon"
                                : row.status().label(),
                        "status-" + lower(row.status()) + (row.expiringSoon() ? " status-soon" : ""),
                        "billing-" + lower(row.billingStatus())))
                .toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
