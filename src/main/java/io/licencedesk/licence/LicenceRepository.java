package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes licences and loads one for a change; lists are {@link LicenceQueries}' job. */
@Repository
class LicenceRepository {

    private final JdbcClient jdbc;

    LicenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the licence unless its coupon code is taken; the caller then draws another code.
     * ON CONFLICT keeps the transaction usable on PostgreSQL, where a failed insert would abort it.
     */
    Optional<Long> insertIfCodeFree(Licence licence) {
        int inserted = jdbc.sql("""
                        insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name, note,
                                             quantity, client_id, paused, activated_on, ends_on, billing_status,
                                             created_at)
                        values (:organisationId, :couponCode, :planId, :term, :unitPriceMinor, :name, :note,
                                :quantity, :clientId, :paused, :activatedOn, :endsOn, :billingStatus, :createdAt)
                        on conflict do nothing
                        """)
                .param("organisationId", licence.organisationId())
                .param("couponCode", licence.couponCode().value())
                .param("planId", licence.planId())
                .param("term", licence.term().toString())
                .param("unitPriceMinor", licence.unitPrice().minorUnits())
                .param("name", licence.name())
                .param("note", licence.note())
                .param("quantity", licence.quantity())
                .param("clientId", licence.clientId())
                .param("paused", licence.paused())
                .param("activatedOn", date(licence.activatedOn()))
                .param("endsOn", date(licence.endsOn()))
                .param("billingStatus", licence.billingStatus().name())
                .param("createdAt", Timestamp.from(licence.createdAt()))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select id from licence where coupon_code = :couponCode")
                .param("couponCode", licence.couponCode().value())
                .query(Long.class)
                .single());
    }

    boolean codeTaken(CouponCode code) {
        return jdbc.sql("select exists (select 1 from licence where coupon_code = :code)")
                .param("code", code.value())
                .query(Boolean.class)
                .single();
    }

    /** Loads and locks the licence, so that concurrent changes to it are applied one after the other. */
    Optional<Licence> findForUpdate(long organisationId, long id, Currency currency) {
        return jdbc.sql("select * from licence where organisation_id = :organisationId and id = :id for update")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(mapper(currency))
                .optional();
    }

    /** Loads and locks several licences in id order (one order for everyone, so no deadlock). */
    List<Licence> findAllForUpdate(long organisationId, Collection<Long> ids, Currency currency) {
        return jdbc.sql("""
                        select * from licence where organisation_id = :organisationId and id in (:ids)
                        order by id
                        for update
                        """)
                .param("organisationId", organisationId)
                .param("ids", ids)
                .query(mapper(currency))
                .list();
    }

    /** Those of these ids that are licences of the organisation, in no particular order: one query, no lock. */
    List<Licence> findAll(long organisationId, Collection<Long> ids, Currency currency) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from licence where organisation_id = :organisationId and id in (:ids)")
                .param("organisationId", organisationId)
                .param("ids", ids)
                .query(mapper(currency))
                .list();
    }

    /** Which of these ids are licences of the organisation: one query for a whole selection. */
    List<Long> idsAmong(long organisationId, Collection<Long> ids) {
        return jdbc.sql("select id from licence where organisation_id = :organisationId and id in (:ids)")
                .param("organisationId", organisationId)
                .param("ids", ids)
                .query(Long.class)
                .list();
    }

    /** Loads and locks the licence with this code in the organisation, for a redemption. */
    Optional<Licence> findByCodeForUpdate(long organisationId, CouponCode code, Currency currency) {
        return jdbc.sql("""
                        select * from licence where organisation_id = :organisationId and coupon_code = :code
                        for update
                        """)
                .param("organisationId", organisationId)
                .param("code", code.value())
                .query(mapper(currency))
                .optional();
    }

    /** The organisation of a licence, for a screen's device, which acts for no signed-in person. */
    Optional<Long> organisationIdOf(long id) {
        return jdbc.sql("select organisation_id from licence where id = :id")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** A client's licences, newest first. */
    List<Licence> findByClient(long organisationId, long clientId, Currency currency, int offset, int limit) {
        return jdbc.sql("""
                        select * from licence where organisation_id = :organisationId and client_id = :clientId
                        order by created_at desc, id desc
                        limit :limit offset :offset
                        """)
                .param("organisationId", organisationId)
                .param("clientId", clientId)
                .param("limit", limit)
                .param("offset", offset)
                .query(mapper(currency))
                .list();
    }

    long countByClient(long organisationId, long clientId) {
        return jdbc.sql(
                        "select count(*) from licence where organisation_id = :organisationId and client_id = :clientId")
                .param("organisationId", organisationId)
                .param("clientId", clientId)
                .query(Long.class)
                .single();
    }

    Optional<Licence> find(long organisationId, long id, Currency currency) {
        return jdbc.sql("select * from licence where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(mapper(currency))
                .optional();
    }

    /** Writes what a change may touch: the state, and what an account manager edits. */
    void update(Licence licence) {
        jdbc.sql("""
                        update licence
                        set coupon_code = :couponCode, plan_id = :planId, term = :term,
                            unit_price_minor = :unitPriceMinor, name = :name, note = :note, quantity = :quantity,
                            client_id = :clientId, paused = :paused, activated_on = :activatedOn,
                            ends_on = :endsOn, billing_status = :billingStatus, ever_invoiced = :everInvoiced,
                            term_number = :termNumber, term_starts_on = :termStartsOn,
                            term_priced_on = :termPricedOn, auto_renew = :autoRenew, pause_reason = :pauseReason,
                            version = version + 1
                        where id = :id and organisation_id = :organisationId
                        """)
                .param("couponCode", licence.couponCode().value())
                .param("planId", licence.planId())
                .param("term", licence.term().toString())
                .param("unitPriceMinor", licence.unitPrice().minorUnits())
                .param("name", licence.name())
                .param("note", licence.note())
                .param("quantity", licence.quantity())
                .param("clientId", licence.clientId())
                .param("paused", licence.paused())
                .param("activatedOn", date(licence.activatedOn()))
                .param("endsOn", date(licence.endsOn()))
                .param("billingStatus", licence.billingStatus().name())
                .param("everInvoiced", licence.everInvoiced())
                .param("termNumber", licence.termNumber())
                .param("termStartsOn", date(licence.renewal().termStartsOn()))
                .param("termPricedOn", date(licence.termPricedOn()))
                .param("autoRenew", licence.autoRenewChoice())
                .param("pauseReason", licence.renewal().pausedForOverdue() ? "OVERDUE" : null)
                .param("id", licence.id())
                .param("organisationId", licence.organisationId())
                .update();
    }

    boolean anyFor(long organisationId) {
        return jdbc.sql("select exists (select 1 from licence where organisation_id = :organisationId)")
                .param("organisationId", organisationId)
                .query(Boolean.class)
                .single();
    }

    void delete(Licence licence) {
        jdbc.sql("delete from licence where id = :id and organisation_id = :organisationId")
                .param("id", licence.id())
                .param("organisationId", licence.organisationId())
                .update();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static RowMapper<Licence> mapper(Currency currency) {
        return (rs, row) -> {
            return new Licence(
                    rs.getLong("id"),
                    rs.getLong("organisation_id"),
                    new CouponCode(rs.getString("coupon_code")),
                    rs.getLong("plan_id"),
                    Period.parse(rs.getString("term")),
                    new Money(rs.getLong("unit_price_minor"), currency),
                    rs.getString("name"),
                    rs.getString("note"),
                    rs.getInt("quantity"),
                    LicenceState.read(rs),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getInt("version"),
                    new Licence.Renewal(
                            rs.getInt("term_number"),
                            rs.getObject("term_starts_on", LocalDate.class),
                            rs.getObject("term_priced_on", LocalDate.class),
                            rs.getObject("auto_renew", Boolean.class),
                            "OVERDUE".equals(rs.getString("pause_reason"))));
        };
    }
}
