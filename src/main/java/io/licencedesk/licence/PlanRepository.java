package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Plan> findAll(long organisationId, Currency currency) {
        return jdbc.sql("select * from plan where organisation_id = :organisationId order by unit_price_minor, name")
                .param("organisationId", organisationId)
                .query(mapper(currency))
                .list();
    }

    Optional<Plan> find(long organisationId, long id, Currency currency) {
        return jdbc.sql("select * from plan where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(mapper(currency))
                .optional();
    }

    /** The plan, locked until the transaction ends, so that changes to it are applied one after the other. */
    Optional<Plan> findForUpdate(long organisationId, long id, Currency currency) {
        return jdbc.sql("select * from plan where organisation_id = :organisationId and id = :id for update")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(mapper(currency))
                .optional();
    }

    boolean nameTaken(long organisationId, String name, Long exceptId) {
        return jdbc.sql("""
                        select count(*) from plan
                        where organisation_id = :organisationId and lower(name) = lower(:name) and id <> :exceptId
                        """)
                        .param("organisationId", organisationId)
                        .param("name", name)
                        .param("exceptId", exceptId == null ? -1L : exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(long organisationId, String name, Period term, long unitPriceMinor, boolean autoRenew, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into plan (organisation_id, name, term, unit_price_minor, auto_renew, created_at)
                        values (:organisationId, :name, :term, :unitPriceMinor, :autoRenew, :now)
                        """)
                .param("autoRenew", autoRenew)
                .param("organisationId", organisationId)
                .param("name", name)
                .param("term", term.toString())
                .param("unitPriceMinor", unitPriceMinor)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long organisationId, long id, String name, Period term, long unitPriceMinor, boolean autoRenew) {
        jdbc.sql("""
                        update plan set name = :name, term = :term, unit_price_minor = :unitPriceMinor,
                                        auto_renew = :autoRenew
                        where organisation_id = :organisationId and id = :id
                        """)
                .param("autoRenew", autoRenew)
                .param("organisationId", organisationId)
                .param("id", id)
                .param("name", name)
                .param("term", term.toString())
                .param("unitPriceMinor", unitPriceMinor)
                .update();
    }

    private static RowMapper<Plan> mapper(Currency currency) {
        return (rs, row) -> new Plan(
                rs.getLong("id"),
                rs.getString("name"),
                Period.parse(rs.getString("term")),
                new Money(rs.getLong("unit_price_minor"), currency),
                rs.getBoolean("auto_renew"));
    }
}
