package io.licencedesk.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which entries of a page about a client (decision 0150): the ids, each of its three parts read the way that is cheap
 * for that client, then merged. Their account's entries come from the subject index. Their licences' (and invoices')
 * entries are read one licence at a time when they have few; when they have many, first among the organisation's
 * newest entries of that kind (a window that a client with many licences fills quickly, whose cost does not grow with
 * the client), and one licence at a time only if the window held too few of theirs. Both ways are exact: the window is
 * the newest entries in the page's direction, so what it finds of theirs is their newest. A single query cannot do
 * this on both databases: H2 has no LATERAL, and PostgreSQL's planner chose between the two ways by its estimate of
 * the client's share, which cannot see how recent their entries are (docs/benchmarks.md, "A client's history").
 */
final class ClientEntries {

    /** At most this many licences (or invoices): their entries are read licence by licence, at once. */
    static final int FEW = 200;

    /**
     * How many of the organisation's newest entries of a kind are looked through first for a client with many, for
     * each entry asked: a client with at least one in a hundred of the recent entries fills a page from the window.
     */
    static final int WINDOW_PER_ENTRY = 100;

    private static final String ACCOUNT = """
            select id from audit_event
            where %s
              and subject_type in ('CLIENT', 'USER') and subject_id = :clientId
              and action not in ('SIGNED_IN', 'SIGN_IN_FAILED')
            order by id %s
            limit :limit
            """;

    private static final String THEIRS =
            "select id from %s where organisation_id = :organisationId" + " and client_id = :clientId";

    /*
     * "id + 0" is no index's order: PostgreSQL cannot walk back through the organisation's entries of the kind (which
     * for a client whose entries are old reads most of the log) and reads each of their licence's entries instead.
     */
    private static final String ONE_BY_ONE = """
            select id from audit_event
            where %s
              and subject_type = '%s' and subject_id in (%s)
            order by id + 0 %s
            limit :limit
            """;

    private static final String IN_THE_WINDOW = """
            select id from (
                select id, subject_id from audit_event
                where %s
                  and subject_type = '%s'
                order by id %s
                limit :window) newest
            where subject_id in (%s)
            order by id %s
            limit :limit
            """;

    private final JdbcClient jdbc;
    private final int few;
    private final int windowPerEntry;

    ClientEntries(JdbcClient jdbc) {
        this(jdbc, FEW, WINDOW_PER_ENTRY);
    }

    ClientEntries(JdbcClient jdbc, int few, int windowPerEntry) {
        this.jdbc = jdbc;
        this.few = few;
        this.windowPerEntry = windowPerEntry;
    }

    /**
     * Up to {@code limit} ids about the client, in {@code direction} ("desc", newest first, or "asc") from the
     * conditions' cursor, which also hold the organisation and the other filters.
     */
    List<Long> ids(String conditions, Map<String, Object> params, String direction, int limit) {
        List<Long> ids = new ArrayList<>(query(ACCOUNT.formatted(conditions, direction), params, limit));
        ids.addAll(part(conditions, params, direction, limit, "LICENCE", "licence"));
        ids.addAll(part(conditions, params, direction, limit, "INVOICE", "invoice"));
        Comparator<Long> order = direction.equals("asc") ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return ids.stream().sorted(order).limit(limit).toList();
    }

    private List<Long> part(
            String conditions, Map<String, Object> params, String direction, int limit, String kind, String table) {
        String theirs = THEIRS.formatted(table);
        long many = jdbc.sql("select count(*) from (" + theirs + " limit :few) theirs")
                .params(params)
                .param("few", few + 1)
                .query(Long.class)
                .single();
        if (many == 0) {
            return List.of();
        }
        if (many > few) {
            List<Long> recent =
                    query(IN_THE_WINDOW.formatted(conditions, kind, direction, theirs, direction), params, limit);
            if (recent.size() >= limit) {
                return recent;
            }
        }
        return query(ONE_BY_ONE.formatted(conditions, kind, theirs, direction), params, limit);
    }

    private List<Long> query(String sql, Map<String, Object> params, int limit) {
        return jdbc.sql(sql)
                .params(params)
                .param("limit", limit)
                .param("window", windowPerEntry * limit)
                .query(Long.class)
                .list();
    }
}
