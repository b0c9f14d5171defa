package io.licencedesk.audit;

import io.licencedesk.shared.GroupedCode;
import io.licencedesk.shared.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The log's queries, newest first, in SQL you can paste into psql. Every query starts from the organisation, and a
 * page is a keyset over the id (index audit_event_log_idx, and one per filter). The export reads the same rows
 * through a cursor: a fetch size inside the caller's transaction makes PostgreSQL's driver fetch them in batches.
 */
@Component
class AuditLogQueries {

    static final int FETCH_SIZE = 1000;

    private static final Pattern ID = Pattern.compile("#?\\d{1,18}");

    /**
     * The system's rows written before it was recorded without an actor (decision 0122) bear its caller's id and its
     * name as their e-mail: read without one, as the system's rows since. The rows are never changed (append-only).
     */
    private static final String SELECT = """
            select id, occurred_at,
                   case when actor_id = :systemActorId then null else actor_email end as actor_email, address,
                   subject_type, subject_id, subject_label, action, before_state, after_state
            from audit_event
            """;

    /** A row as it is stored, its states still JSON text. */
    record Row(
            long id,
            Instant occurredAt,
            String actorEmail,
            String address,
            AuditSubject subject,
            Long subjectId,
            String label,
            String action,
            String before,
            String after) {}

    private final JdbcClient jdbc;
    private final ClientEntries aboutClient;

    AuditLogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.aboutClient = new ClientEntries(jdbc);
    }

    /**
     * Up to {@code limit} rows of the page: after a cursor, the older ones newest first; before a cursor, or for the
     * last page, the newer ones oldest first (the caller turns them round).
     */
    List<Row> page(long organisationId, AuditFilter filter, Long after, Long before, boolean last, int limit) {
        Where where = where(organisationId, filter);
        if (where == null) {
            return List.of();
        }
        if (after != null) {
            where.and("id < :cursor").param("cursor", after);
        } else if (before != null) {
            where.and("id > :cursor").param("cursor", before);
        }
        String direction = before != null || last ? "asc" : "desc";
        if (filter.client() != null) {
            List<Long> ids = aboutClient.ids(where.sql(), where.params, direction, limit);
            return ids.isEmpty()
                    ? List.of()
                    : jdbc.sql(SELECT + "where id in (:ids)\norder by id " + direction)
                            .param("ids", ids)
                            .param("systemActorId", AuditEntries.SYSTEM_ACTOR_ID)
                            .query((rs, n) -> row(rs))
                            .list();
        }
        return jdbc.sql(SELECT + "where " + where.sql() + "\norder by id " + direction + "\nlimit :limit")
                .params(where.params)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Those of the ids whose subject of this kind was deleted, as its own entry says. */
    Set<Long> deleted(long organisationId, AuditSubject subject, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select distinct subject_id from audit_event
                        where organisation_id = :organisationId and subject_type = :subject and subject_id in (:ids)
                          and action = 'DELETED'
                        """)
                .param("organisationId", organisationId)
                .param("subject", subject.name())
                .param("ids", ids)
                .query(Long.class)
                .list());
    }

    /** Every row the filter takes, newest first, one at a time. */
    void all(long organisationId, AuditFilter filter, Consumer<Row> each) {
        Where where = where(organisationId, filter);
        if (where == null) {
            return;
        }
        RowCallbackHandler handler = rs -> each.accept(row(rs));
        String rows =
                filter.client() == null ? "where " + where.sql() : "where id in (" + everythingAboutClient(where) + ")";
        jdbc.sql(SELECT + rows + "\norder by id desc")
                .params(where.params)
                .withFetchSize(FETCH_SIZE)
                .query(handler);
    }

    /**
     * The ids about a client that the other conditions take, for the export (which reads them all): their account (as
     * a client, and as a person, but for signing in), the licences that are theirs now and the invoices billed to them.
     * A page reads them through {@link ClientEntries}, the same parts, cut. A deleted licence's row is gone, and its
     * entries with it (decisions 0146, 0150).
     */
    private static String everythingAboutClient(Where where) {
        String conditions = where.sql();
        return """
                select id from audit_event
                where %1$s
                  and subject_type in ('CLIENT', 'USER') and subject_id = :clientId
                  and action not in ('SIGNED_IN', 'SIGN_IN_FAILED')
                union all
                select id from audit_event
                where %1$s
                  and subject_type = 'LICENCE' and subject_id in (
                      select id from licence where organisation_id = :organisationId and client_id = :clientId)
                union all
                select id from audit_event
                where %1$s
                  and subject_type = 'INVOICE' and subject_id in (
                      select id from invoice where organisation_id = :organisationId and client_id = :clientId)
                """.formatted(conditions);
    }

    /** The filter's conditions, or null when nothing can match (text with control characters is never stored). */
    private static Where where(long organisationId, AuditFilter filter) {
        if (!Like.canMatch(filter.actor()) || !Like.canMatch(filter.object())) {
            return null;
        }
        var where = new Where()
                .and("organisation_id = :organisationId")
                .param("organisationId", organisationId)
                .param("systemActorId", AuditEntries.SYSTEM_ACTOR_ID);
        if (filter.client() != null) {
            where.param("clientId", filter.client());
        }
        String actor = Like.containing(filter.actor());
        if (actor != null) {
            // not the system's rows written before it was recorded without an e-mail (its name was stored as one)
            where.and("lower(actor_email) like :actor and coalesce(actor_id, -1) <> :systemActorId")
                    .param("actor", actor);
        }
        if (filter.subject() != null) {
            where.and("subject_type = :subject")
                    .param("subject", filter.subject().name());
        }
        if (filter.action() != null) {
            where.and("action = :action").param("action", filter.action());
        }
        if (filter.from() != null) {
            where.and("occurred_at >= :from").param("from", startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.and("occurred_at < :until").param("until", startOf(filter.to().plusDays(1)));
        }
        String object = Like.containing(filter.object());
        if (object != null) {
            String typed = filter.object().strip();
            String groupedCode = GroupedCode.of(typed);
            if (ID.matcher(typed).matches()) {
                where.and("(subject_id = :objectId or lower(subject_label) like :object)")
                        .param("objectId", Long.parseLong(typed.replace("#", "")))
                        .param("object", object);
            } else if (groupedCode != null) {
                // A licence's label holds its code without the separators it was typed with (decision 0152)
                where.and("(lower(subject_label) like :object or lower(subject_label) like :code)")
                        .param("object", object)
                        .param("code", Like.containing(groupedCode));
            } else {
                where.and("lower(subject_label) like :object").param("object", object);
            }
        }
        return where;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_email"),
                rs.getString("address"),
                AuditSubject.valueOf(rs.getString("subject_type")),
                rs.getObject("subject_id", Long.class),
                rs.getString("subject_label"),
                rs.getString("action"),
                rs.getString("before_state"),
                rs.getString("after_state"));
    }

    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        String sql() {
            return String.join("\n  and ", conditions);
        }
    }
}
