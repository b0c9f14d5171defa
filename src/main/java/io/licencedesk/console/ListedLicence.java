package io.licencedesk.console;

import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceRow;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.shared.Reason;
import io.licencedesk.web.Words;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One row of the main list as the page shows it. The dates, amount and badges are written here once per row:
 * as template expressions ({@code #temporals.format}, a fragment per badge, a method call per cell) they took
 * most of a page's rendering time (docs/benchmarks.md, "The list page's own time").
 *
 * @param created and {@code ends}: as {@code #temporals.format(…, 'd MMM yyyy')} wrote them, in the request's
 *     locale and the server's time zone
 * @param status the lifecycle badge's text, e.g. "Active · expiring soon"; {@code statusClass} its colour
 * @param billing the billing badge's text, e.g. "Unbilled"; {@code billingClass} its colour
 * @param deletionRefusal why the licence cannot be deleted, in words, or null when it can be
 */
record ListedLicence(
        LicenceRow licence,
        boolean selected,
        String amount,
        String created,
        String ends,
        String status,
        String statusClass,
        String billing,
        String billingClass,
        String deletionRefusal) {

    private static final String DATE_PATTERN = "d MMM yyyy";
    /** Accept-Language is the visitor's to write: a bounded cache, so that made-up locales cannot fill the heap. */
    private static final int MOST_KEPT_LOCALES = 64;

    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

    static List<ListedLicence> of(
            List<LicenceRow> rows,
            Set<Long> selectedIds,
            Locale locale,
            Function<Reason, String> inWords,
            Words words) {
        DateTimeFormatter dates = dates(locale);
        Badges badges = Badges.in(locale, words);
        ZoneId zone = ZoneId.systemDefault();
        return rows.stream()
                .map(row -> new ListedLicence(
                        row,
                        selectedIds.contains(row.id()),
                        row.amount().formatted(),
                        dates.format(row.createdAt().atZone(zone)),
                        row.endsOn() == null ? "—" : dates.format(row.endsOn()),
                        (row.expiringSoon() ? badges.expiringSoon() : badges.lifecycle()).get(row.status()),
                        "status-" + lower(row.status()) + (row.expiringSoon() ? " status-soon" : ""),
                        badges.billing().get(row.billingStatus()),
                        "billing-" + lower(row.billingStatus()),
                        row.deletionRefusal() == null ? null : inWords.apply(row.deletionRefusal())))
                .toList();
    }

    /** The badges' words in the page's language, looked up once per page rather than once per row. */
    private record Badges(
            Map<LifecycleStatus, String> lifecycle,
            Map<LifecycleStatus, String> expiringSoon,
            Map<BillingStatus, String> billing) {

        static Badges in(Locale locale, Words words) {
            Map<LifecycleStatus, String> lifecycle = new EnumMap<>(LifecycleStatus.class);
            Map<LifecycleStatus, String> expiringSoon = new EnumMap<>(LifecycleStatus.class);
            for (LifecycleStatus status : LifecycleStatus.values()) {
                String label = words.of(locale, "status.lifecycle." + status.name());
                lifecycle.put(status, label);
                expiringSoon.put(status, words.of(locale, "status.expiringSoon", label));
            }
            Map<BillingStatus, String> billing = new EnumMap<>(BillingStatus.class);
            for (BillingStatus status : BillingStatus.values()) {
                billing.put(status, words.of(locale, "status.billing." + status.name()));
            }
            return new Badges(lifecycle, expiringSoon, billing);
        }
    }

    /** One formatter per locale, kept for the few locales browsers ask for; any other is made for its request. */
    private static DateTimeFormatter dates(Locale locale) {
        DateTimeFormatter kept = DATES.get(locale);
        if (kept != null) {
            return kept;
        }
        DateTimeFormatter made = DateTimeFormatter.ofPattern(DATE_PATTERN, locale);
        if (DATES.size() < MOST_KEPT_LOCALES) {
            DATES.putIfAbsent(locale, made);
        }
        return made;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
