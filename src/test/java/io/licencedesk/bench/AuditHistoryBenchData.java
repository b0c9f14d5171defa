package io.licencedesk.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the client history benchmark adds to the main list's data, once: one client made big (5,000 licences, so about
 * 2,500 invoices), a client with no entries at all, and an audit log of about {@code entries} rows written in the
 * order they happened. A licence has three entries (created, then two more within months of its creation), an invoice
 * two (issued, then paid or sent again), a client two (added, invited); the rest are clients signing in over the last
 * year, which the client's history leaves out but which fill the log. Old licences' entries are old, so a small
 * client of the first years has only old entries: the case that walking back through the log finds last.
 */
final class AuditHistoryBenchData {

    static final int BIG_CLIENT_LICENCES = 5_000;
    static final String EMPTY_CLIENT_EMAIL = "no-history@bench.test";
    static final int OLD_CLIENT_LICENCES = 2_000;
    static final String OLD_CLIENT_EMAIL = "old-big@bench.test";

    /** The clients the benchmark asks about. */
    record Clients(long small, long big, long empty, long old) {}

    private AuditHistoryBenchData() {}

    /**
     * Makes the big client, with {@code licences} licences (before the invoices are added, so that theirs are billed to
     * them).
     */
    static long ensureBigClient(JdbcClient jdbc, long organisationId, int licences) {
        long big = jdbc.sql("select client_id from licence where organisation_id = ? and client_id is not null"
                        + " group by client_id order by count(*) desc, client_id limit 1")
                .param(organisationId)
                .query(Long.class)
                .single();
        long has = jdbc.sql("select count(*) from licence where organisation_id = ? and client_id = ?")
                .params(organisationId, big)
                .query(Long.class)
                .single();
        if (has < licences) {
            // spread over the years: every n-th licence of the others'
            jdbc.sql("""
                            update licence set client_id = ? where id in (
                                select id from licence where organisation_id = ? and client_id is not null
                                  and client_id <> ? order by id * 7919 % 1000003 limit ?)
                            """).params(big, organisationId, big, licences - has).update();
            jdbc.sql("update invoice i set client_id = l.client_id from licence l"
                            + " where l.id = i.licence_id and i.client_id <> l.client_id")
                    .update();
        }
        return big;
    }

    /** Writes the log unless the organisation has one; returns how many entries it has. */
    static long ensureEntries(JdbcClient jdbc, long organisationId, int entries) {
        long present = count(jdbc, organisationId);
        if (present > 0) {
            return present;
        }
        jdbc.sql("""
                        insert into app_user (organisation_id, email, role, name, company, created_at)
                        select ?, ?, 'CLIENT', 'Nora Nohistory', 'Quiet Ltd', now()
                        where not exists (select 1 from app_user where email = ?)
                        """)
                .params(organisationId, EMPTY_CLIENT_EMAIL, EMPTY_CLIENT_EMAIL)
                .update();
        long licences = jdbc.sql("select count(*) from licence where organisation_id = ?")
                .param(organisationId)
                .query(Long.class)
                .single();
        long invoices = jdbc.sql("select count(*) from invoice where organisation_id = ?")
                .param(organisationId)
                .query(Long.class)
                .single();
        long clients = jdbc.sql("select count(*) from app_user where organisation_id = ? and role = 'CLIENT'")
                .param(organisationId)
                .query(Long.class)
                .single();
        long signIns = Math.max(1, (entries - 3 * licences - 2 * invoices - 2 * clients) / Math.max(1, clients));
        jdbc.sql("""
                        insert into audit_event (organisation_id, subject_type, subject_id, action, actor_id, actor_email,
                                                 occurred_at, after_state, address, subject_label)
                        with o as (select id, email from app_user where email = :owner)
                        select :organisationId, subject_type, subject_id, action, actor_id, actor_email, occurred_at,
                               '{}', '192.0.2.' || (subject_id % 250), label
                        from (
                            select 'LICENCE' as subject_type, l.id as subject_id,
                                   case when g = 1 then 'CREATED'
                                        else (array['ASSIGNED', 'ACTIVATED', 'EDITED', 'PAUSED', 'RESUMED', 'RENEWED'])[
                                            1 + (l.id + g) % 6] end as action,
                                   o.id as actor_id, o.email as actor_email,
                                   l.created_at + (g - 1) * (1 + l.id % 60) * interval '1 day' as occurred_at,
                                   l.name || ' (' || l.coupon_code || ')' as label
                            from licence l cross join generate_series(1, 3) g cross join o
                            where l.organisation_id = :organisationId
                            union all
                            select 'INVOICE', i.id, case when g = 1 then 'ISSUED' when i.status = 'PAID' then 'PAID'
                                   else 'RESENT' end, o.id, o.email,
                                   i.issued_on + (g - 1) * (1 + i.id % 30) * interval '1 day' + interval '9 hours',
                                   i.number
                            from invoice i cross join generate_series(1, 2) g cross join o
                            where i.organisation_id = :organisationId
                            union all
                            select 'CLIENT', u.id, case when g = 1 then 'ADDED' else 'INVITED' end, o.id, o.email,
                                   u.created_at + g * interval '1 minute', u.name
                            from app_user u cross join generate_series(1, 2) g cross join o
                            where u.organisation_id = :organisationId and u.role = 'CLIENT' and u.email <> :empty
                            union all
                            select 'USER', u.id, 'SIGNED_IN', u.id, u.email,
                                   now() - ((u.id * 7919 + g * 104729) % 525600) * interval '1 minute', u.email
                            from app_user u cross join generate_series(1, :signIns) g
                            where u.organisation_id = :organisationId and u.role = 'CLIENT' and u.email <> :empty
                        ) e
                        order by occurred_at
                        """)
                .param("organisationId", organisationId)
                .param("empty", EMPTY_CLIENT_EMAIL)
                .param("owner", BenchData.OWNER_EMAIL)
                .param("signIns", (int) signIns)
                .update();
        jdbc.sql("vacuum (analyze) audit_event").update();
        return count(jdbc, organisationId);
    }

    /**
     * A client with the organisation's {@code licences} (2,000) oldest licences (taken from the others, but the small and the big
     * client), whose licences' entries are all years old: many licences, and none of their entries among the newest,
     * the case where walking back through the log reads most of it. Made once, after the log.
     */
    static long ensureOldClient(JdbcClient jdbc, long organisationId, long small, long big, int licences) {
        var present = jdbc.sql("select id from app_user where email = ?")
                .param(OLD_CLIENT_EMAIL)
                .query(Long.class)
                .optional();
        if (present.isPresent()) {
            return present.get();
        }
        long old = jdbc.sql("insert into app_user (organisation_id, email, role, name, company, created_at)"
                        + " values (?, ?, 'CLIENT', 'Olga Oldbig', 'Gone Quiet Ltd', '2020-06-01') returning id")
                .params(organisationId, OLD_CLIENT_EMAIL)
                .query(Long.class)
                .single();
        jdbc.sql("update licence set client_id = ? where id in (select id from licence where organisation_id = ?"
                        + " and client_id is not null and client_id not in (?, ?) order by created_at, id limit ?)")
                .params(old, organisationId, small, big, licences)
                .update();
        jdbc.sql("update invoice i set client_id = l.client_id from licence l"
                        + " where l.id = i.licence_id and i.client_id <> l.client_id")
                .update();
        return old;
    }

    /**
     * The small client: of those with one to three licences, the one whose newest licence is the oldest (their newest
     * entries are years old); the big one; and the one with no entries.
     */
    static Clients clients(JdbcClient jdbc, long organisationId, long big, int oldLicences) {
        long old = jdbc.sql("select id from app_user where email = ?")
                .param(OLD_CLIENT_EMAIL)
                .query(Long.class)
                .optional()
                .orElse(-1L);
        long small = jdbc.sql("select client_id from licence where organisation_id = ? and client_id is not null"
                        + " and client_id <> ? group by client_id having count(*) <= 3 order by max(created_at), client_id"
                        + " limit 1")
                .params(organisationId, old)
                .query(Long.class)
                .single();
        long empty = jdbc.sql("select id from app_user where email = ?")
                .param(EMPTY_CLIENT_EMAIL)
                .query(Long.class)
                .single();
        return new Clients(small, big, empty, ensureOldClient(jdbc, organisationId, small, big, oldLicences));
    }

    private static long count(JdbcClient jdbc, long organisationId) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ?")
                .param(organisationId)
                .query(Long.class)
                .single();
    }
}
