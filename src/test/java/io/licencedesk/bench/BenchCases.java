package io.licencedesk.bench;

import static io.licencedesk.bench.BenchCase.expired;
import static io.licencedesk.bench.BenchCase.expiringSoon;
import static io.licencedesk.bench.BenchCase.keyword;

import io.licencedesk.bench.BenchCase.Page;
import io.licencedesk.bench.BenchData.Row;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The cases of the main-list benchmark, from the issue: each filter, search kind and combination. */
final class BenchCases {

    static final String FIRST_PAGE = "first page";

    /**
     * The first page timed once more after every other case. The cases timed first are slower than the same work
     * timed later in a run (the server's JIT goes on compiling for minutes on two cores), so the first page is
     * reported both ways.
     */
    static final String FIRST_PAGE_AGAIN = "first page, again at the end";

    static BenchCase again(BenchCase firstPage) {
        return new BenchCase(
                FIRST_PAGE_AGAIN,
                firstPage.query(),
                firstPage.matches(),
                firstPage.page(),
                firstPage.cursorId(),
                firstPage.byId());
    }

    private BenchCases() {}

    /**
     * @param deepId the licence id about 90% of the way down the default order (row 900,000 of 1,000,000)
     * @param lastPageAfterId the licence the last page follows when the default order is walked 25 at a time
     *     ({@link #lastPageStart}): the API's last page, which it reaches by following nextCursor
     * @param someCode the coupon code of some licence, searched for in part
     */
    static List<BenchCase> of(BenchData.Loaded data, long deepId, long lastPageAfterId, String someCode) {
        LocalDate today = data.today();
        Map<Long, String> clients = data.clients();
        long client = data.busiestClientId();
        Predicate<Row> all = row -> true;
        Predicate<Row> ofClient = row -> row.clientId() != null && row.clientId() == client;
        String code = someCode.substring(1, 7).toLowerCase();
        return List.of(
                first(FIRST_PAGE, "", all),
                new BenchCase("deep page (row 90%)", "", all, Page.AFTER, deepId, true),
                new BenchCase("last page", "", all, Page.LAST, lastPageAfterId, true),
                first("filter by user", "client=" + client, ofClient),
                first("expiring soon", "soon=true", expiringSoon(today)),
                first("expired", "expired=true", expired(today)),
                first(
                        "expiring soon + expired",
                        "soon=true&expired=true",
                        expiringSoon(today).or(expired(today))),
                first("search rare word", q(BenchData.RARE_WORD), keyword(BenchData.RARE_WORD, clients, today)),
                first("search common word", q(BenchData.COMMON_WORD), keyword(BenchData.COMMON_WORD, clients, today)),
                first("search no match", q(BenchData.ABSENT_WORD), row -> false),
                first("search no match + expired", q(BenchData.ABSENT_WORD) + "&expired=true", row -> false),
                first(
                        "search no match + user + soon",
                        q(BenchData.ABSENT_WORD) + "&client=" + client + "&soon=true",
                        row -> false),
                first("search 2 chars, common", q("or"), keyword("or", clients, today)),
                first("search 2 chars, rare", q("qz"), keyword("qz", clients, today)),
                first("search 1 char", q("z"), keyword("z", clients, today)),
                first("search part of a code", q(code), keyword(code, clients, today)),
                first("search client surname", q("kowalski"), keyword("kowalski", clients, today)),
                first("search plan name", q("quarterly"), keyword("quarterly", clients, today)),
                first("search status word", q("paused"), keyword("paused", clients, today)),
                first("user + expiring soon", "client=" + client + "&soon=true", ofClient.and(expiringSoon(today))),
                first(
                        "common word + expired",
                        q(BenchData.COMMON_WORD) + "&expired=true",
                        keyword(BenchData.COMMON_WORD, clients, today).and(expired(today))),
                first(
                        "rare word + user",
                        q(BenchData.RARE_WORD) + "&client=" + client,
                        keyword(BenchData.RARE_WORD, clients, today).and(ofClient)),
                sorted("sort by name", "sort=name&dir=asc", all),
                sorted("sort by end date", "sort=ends&dir=asc", all),
                sorted("sort by amount + soon", "sort=amount&dir=desc&soon=true", expiringSoon(today)),
                sorted(
                        "sort by code + common word",
                        "sort=code&dir=asc&" + q(BenchData.COMMON_WORD),
                        keyword(BenchData.COMMON_WORD, clients, today)));
    }

    /**
     * Where the last page starts (0-based, in the default order) when {@code licences} are walked a page at a time
     * from the first; the licence before it is the one the walk's last cursor names.
     */
    static int lastPageStart(int licences) {
        return Math.max(1, (licences - 1) / BenchCase.PAGE_SIZE * BenchCase.PAGE_SIZE);
    }

    private static BenchCase first(String name, String query, Predicate<Row> matches) {
        return new BenchCase(name, query, matches, Page.FIRST, 0, true);
    }

    private static BenchCase sorted(String name, String query, Predicate<Row> matches) {
        return new BenchCase(name, query, matches, Page.FIRST, 0, false);
    }

    private static String q(String term) {
        return "q=" + ConsoleClient.encode(term);
    }
}
