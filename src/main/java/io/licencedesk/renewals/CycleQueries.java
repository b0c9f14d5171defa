package io.licencedesk.renewals;

import io.licencedesk.renewals.DigestLines.Line;
import io.licencedesk.shared.Characters;
import io.licencedesk.shared.Money;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the renewal cycle finds to do, and the records that make each step happen once. Every candidate query is
 * one organisation's, paged by a key that only grows, so a step that fails for one row never stops the others.
 */
@Repository
class CycleQueries {

    /** Where a page of licences ends: its last end date and id. */
    record After(LocalDate endsOn, long id) {

        static final After START = new After(LocalDate.of(1, 1, 1), 0);
    }

    /** A licence due for a step, with the term it is due for. */
    record Due(long id, int termNumber, LocalDate endsOn) {}

    /** The key of the licence candidate queries' pages: after the last end date and id of the previous page. */
    private static final String AFTER = "(l.ends_on > :afterEndsOn or (l.ends_on = :afterEndsOn and l.id > :afterId))";

    private final JdbcClient jdbc;

    CycleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one page of a licence candidate query, whose SQL holds {@link #AFTER} and orders by end date and id. */
    private static List<Due> page(JdbcClient.StatementSpec candidates, After after, int limit) {
        return candidates
                .param("afterEndsOn", Date.valueOf(after.endsOn()))
                .param("afterId", after.id())
                .param("limit", limit)
                .query(DUE)
                .list();
    }

    List<Long> organisations() {
        return jdbc.sql("select id from organisation order by id")
                .query(Long.class)
                .list();
    }

    /**
     * Licences that renew by themselves (their own choice, else their plan's), in use, not paused, whose current
     * term has begun and ends between today and the horizon.
     */
    List<Due> dueForRenewal(long organisationId, LocalDate today, LocalDate horizon, After after, int limit) {
        return page(
                jdbc.sql("""
                        select l.id, l.term_number, l.ends_on from licence l join plan p on p.id = l.plan_id
                        where l.organisation_id = :organisationId
                          and l.ends_on >= :today and l.ends_on <= :horizon
                          and %s -- after the previous page
                          and l.client_id is not null and l.activated_on is not null and not l.paused
                          and coalesce(l.auto_renew, p.auto_renew)
                          and coalesce(l.term_starts_on, l.activated_on) <= :today
                        order by l.ends_on, l.id
                        limit :limit
                        """.formatted(AFTER))
                        .param("organisationId", organisationId)
                        .param("today", Date.valueOf(today))
                        .param("horizon", Date.valueOf(horizon)),
                after,
                limit);
    }

    /**
     * Active licences that will not renew by themselves, ending between today and the end of the expiring-soon
     * window, whose client wants reminders and has not had this term's notice.
     */
    List<Due> expiringSoon(long organisationId, LocalDate today, LocalDate soonEnd, After after, int limit) {
        return page(
                jdbc.sql("""
                        select l.id, l.term_number, l.ends_on from licence l
                        join plan p on p.id = l.plan_id
                        join app_user c on c.id = l.client_id
                        where l.organisation_id = :organisationId
                          and l.ends_on >= :today and l.ends_on <= :soonEnd
                          and %s -- after the previous page
                          and l.activated_on is not null and not l.paused
                          and not coalesce(l.auto_renew, p.auto_renew)
                          and not c.reminders_off
                          and not exists (select 1 from licence_notice n
                                          where n.licence_id = l.id and n.term_number = l.term_number
                                            and n.kind = 'EXPIRING_SOON')
                        order by l.ends_on, l.id
                        limit :limit
                        """.formatted(AFTER))
                        .param("organisationId", organisationId)
                        .param("today", Date.valueOf(today))
                        .param("soonEnd", Date.valueOf(soonEnd)),
                after,
                limit);
    }

    /**
     * Licences whose term ended between {@code since} and yesterday, whose client wants reminders and has not had
     * this term's notice. Looking back a few days lets a cycle that did not run one day still tell them once.
     */
    List<Due> expired(long organisationId, LocalDate today, LocalDate since, After after, int limit) {
        return page(
                jdbc.sql("""
                        select l.id, l.term_number, l.ends_on from licence l
                        join app_user c on c.id = l.client_id
                        where l.organisation_id = :organisationId
                          and l.ends_on < :today and l.ends_on >= :since
                          and %s -- after the previous page
                          and l.activated_on is not null
                          and not c.reminders_off
                          and not exists (select 1 from licence_notice n
                                          where n.licence_id = l.id and n.term_number = l.term_number
                                            and n.kind = 'EXPIRED')
                        order by l.ends_on, l.id
                        limit :limit
                        """.formatted(AFTER))
                        .param("organisationId", organisationId)
                        .param("today", Date.valueOf(today))
                        .param("since", Date.valueOf(since)),
                after,
                limit);
    }

    /** What a client's notice names, read in the notice's transaction. */
    NoticeLicence noticeLicence(long licenceId) {
        return jdbc.sql("""
                        select l.organisation_id, l.id, l.name, l.coupon_code, l.ends_on, c.name as client_name,
                               c.email as client_email, c.language as client_language
                        from licence l join app_user c on c.id = l.client_id
                        where l.id = :id
                        """)
                .param("id", licenceId)
                .query((rs, row) -> new NoticeLicence(
                        rs.getLong("organisation_id"),
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("coupon_code"),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("client_name"),
                        rs.getString("client_email"),
                        rs.getString("client_language")))
                .single();
    }

    /** Records the notice; false when it was already recorded (another node, or an earlier run, sent it). */
    boolean recordLicenceNotice(long licenceId, int termNumber, String kind, Instant now) {
        return jdbc.sql("""
                                insert into licence_notice (licence_id, term_number, kind, sent_at)
                                values (:licenceId, :termNumber, :kind, :now)
                                on conflict do nothing
                                """)
                        .param("licenceId", licenceId)
                        .param("termNumber", termNumber)
                        .param("kind", kind)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Unpaid invoices due on or before {@code dueBy}, whose client wants reminders and has not had this reminder,
     * after the given id.
     */
    List<Long> overdueToRemind(long organisationId, LocalDate dueBy, long afterId, int limit) {
        return jdbc.sql("""
                        select i.id from invoice i join app_user c on c.id = i.client_id
                        where i.organisation_id = :organisationId and i.status in ('ISSUED', 'SENT')
                          and i.due_on <= :dueBy and i.id > :afterId
                          and not c.reminders_off
                          and not exists (select 1 from invoice_notice n where n.invoice_id = i.id and n.kind = 'OVERDUE')
                        order by i.id
                        limit :limit
                        """)
                .param("organisationId", organisationId)
                .param("dueBy", Date.valueOf(dueBy))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** A renewal invoice to act on, and its licence. */
    record OverdueRenewal(long invoiceId, long licenceId) {}

    /**
     * Unpaid renewal invoices (a term after the first; a renewal books the next term ahead, so not always the
     * licence's current one), due on or before {@code dueBy}, whose licence has not been paused for them yet.
     */
    List<OverdueRenewal> overdueRenewals(long organisationId, LocalDate dueBy, long afterId, int limit) {
        return jdbc.sql("""
                        select i.id, i.licence_id from invoice i
                        where i.organisation_id = :organisationId and i.status in ('ISSUED', 'SENT')
                          and i.term_number > 1
                          and i.due_on <= :dueBy and i.id > :afterId
                          and not exists (select 1 from invoice_notice n
                                          where n.invoice_id = i.id and n.kind = 'OVERDUE_PAUSE')
                        order by i.id
                        limit :limit
                        """)
                .param("organisationId", organisationId)
                .param("dueBy", Date.valueOf(dueBy))
                .param("afterId", afterId)
                .param("limit", limit)
                .query((rs, row) -> new OverdueRenewal(rs.getLong("id"), rs.getLong("licence_id")))
                .list();
    }

    /** Whether this notice of the invoice was taken: its e-mail sent, or its licence paused. */
    boolean invoiceNoticeTaken(long invoiceId, String kind) {
        return jdbc.sql("select count(*) from invoice_notice where invoice_id = :invoiceId and kind = :kind")
                        .param("invoiceId", invoiceId)
                        .param("kind", kind)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean recordInvoiceNotice(long invoiceId, String kind, Instant now) {
        return jdbc.sql("""
                                insert into invoice_notice (invoice_id, kind, sent_at) values (:invoiceId, :kind, :now)
                                on conflict do nothing
                                """)
                        .param("invoiceId", invoiceId)
                        .param("kind", kind)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean recordDigest(long userId, LocalDate weekStart, Instant now) {
        return jdbc.sql("""
                                insert into digest_sent (user_id, week_start, sent_at) values (:userId, :weekStart, :now)
                                on conflict do nothing
                                """)
                        .param("userId", userId)
                        .param("weekStart", Date.valueOf(weekStart))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean digestSent(long userId, LocalDate weekStart) {
        return jdbc.sql("select count(*) from digest_sent where user_id = :userId and week_start = :weekStart")
                        .param("userId", userId)
                        .param("weekStart", Date.valueOf(weekStart))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Whether the digest would say anything: a licence {@link #ending}, an invoice {@link #overdue} or a licence
     * {@link #renewed}, with their conditions. One statement that stops at the first row found, so that an idle
     * organisation's digest costs it at every cycle of the week (decision 0171).
     */
    boolean digestHasSomething(long organisationId, LocalDate today, LocalDate endingBy, LocalDate renewedSince) {
        return jdbc.sql("""
                        select case when exists (
                                   select 1 from licence l
                                   where l.organisation_id = :organisationId
                                     and l.ends_on >= :today and l.ends_on <= :endingBy
                                     and l.activated_on is not null and not l.paused)
                               or exists (
                                   select 1 from invoice i
                                   where i.organisation_id = :organisationId and i.status in ('ISSUED', 'SENT')
                                     and i.due_on < :today)
                               or exists (
                                   select 1 from licence l
                                   where l.organisation_id = :organisationId
                                     and l.term_priced_on >= :renewedSince and l.term_priced_on <= :today)
                               then 1 else 0 end
                        """)
                        .param("organisationId", organisationId)
                        .param("today", Date.valueOf(today))
                        .param("endingBy", Date.valueOf(endingBy))
                        .param("renewedSince", Date.valueOf(renewedSince))
                        .query(Integer.class)
                        .single()
                == 1;
    }

    /** Active licences ending between today and {@code until}, and whether each renews by itself. */
    DigestLines ending(long organisationId, LocalDate today, LocalDate until, int limit) {
        return lines(
                """
                select l.name, c.email, l.ends_on,
                       coalesce(l.auto_renew, p.auto_renew) as renews
                from licence l join plan p on p.id = l.plan_id left join app_user c on c.id = l.client_id
                where l.organisation_id = :organisationId and l.ends_on >= :today and l.ends_on <= :until
                  and l.activated_on is not null and not l.paused
                order by l.ends_on, l.id
                """,
                """
                select count(*) from licence l
                where l.organisation_id = :organisationId and l.ends_on >= :today and l.ends_on <= :until
                  and l.activated_on is not null and not l.paused
                """,
                Map.of("organisationId", organisationId, "today", Date.valueOf(today), "until", Date.valueOf(until)),
                limit,
                (rs, row) -> line(
                        rs.getBoolean("renews") ? "digest.line.endingRenews" : "digest.line.endingStops",
                        shorten(rs.getString("name")),
                        rs.getString("email"),
                        rs.getObject("ends_on", LocalDate.class)));
    }

    /** Unpaid invoices past their due date. */
    DigestLines overdue(long organisationId, LocalDate today, int limit) {
        return lines(
                """
                select i.number, i.buyer_email, i.due_on, i.total_minor, i.currency from invoice i
                where i.organisation_id = :organisationId and i.status in ('ISSUED', 'SENT') and i.due_on < :today
                order by i.due_on, i.id
                """,
                """
                select count(*) from invoice i
                where i.organisation_id = :organisationId and i.status in ('ISSUED', 'SENT') and i.due_on < :today
                """,
                Map.of("organisationId", organisationId, "today", Date.valueOf(today)),
                limit,
                (rs, row) -> line(
                        "digest.line.overdue",
                        rs.getString("number"),
                        rs.getString("buyer_email"),
                        rs.getObject("due_on", LocalDate.class),
                        new Money(rs.getLong("total_minor"), Currency.getInstance(rs.getString("currency")))));
    }

    /** Licences whose current term was priced, that is renewed, between {@code since} and today. */
    DigestLines renewed(long organisationId, LocalDate since, LocalDate today, int limit) {
        return lines(
                """
                select l.name, c.email, l.ends_on from licence l left join app_user c on c.id = l.client_id
                where l.organisation_id = :organisationId and l.term_priced_on >= :since and l.term_priced_on <= :today
                order by l.term_priced_on, l.id
                """,
                """
                select count(*) from licence l
                where l.organisation_id = :organisationId and l.term_priced_on >= :since and l.term_priced_on <= :today
                """,
                Map.of("organisationId", organisationId, "since", Date.valueOf(since), "today", Date.valueOf(today)),
                limit,
                (rs, row) -> line(
                        "digest.line.renewed",
                        shorten(rs.getString("name")),
                        rs.getString("email"),
                        rs.getObject("ends_on", LocalDate.class)));
    }

    /** Arguments may be null (a licence without a client has no e-mail). */
    private static Line line(String key, Object... arguments) {
        return new Line(key, Arrays.asList(arguments));
    }

    private DigestLines lines(String select, String count, Map<String, ?> params, int limit, RowMapper<Line> line) {
        List<Line> shown = jdbc.sql(select + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(line)
                .list();
        long total = jdbc.sql(count).params(params).query(Long.class).single();
        return new DigestLines(shown, total);
    }

    private static String shorten(String name) {
        return Characters.moreThan(name, 60) ? Characters.first(name, 59) + "…" : name;
    }

    private static final RowMapper<Due> DUE =
            (rs, row) -> new Due(rs.getLong("id"), rs.getInt("term_number"), rs.getObject("ends_on", LocalDate.class));
}
