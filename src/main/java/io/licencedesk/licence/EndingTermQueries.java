package io.licencedesk.licence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Licences whose term ended lately or ends soon, in end-date order (the licence_organisation_ends_on_idx index).
 * Expired and expiring soon mirror {@link LicenceState#statusOf} and {@link LicenceState#expiringSoon}.
 */
@Component
class EndingTermQueries {

    private final JdbcClient jdbc;

    EndingTermQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EndingTerm> endingTerms(
            long organisationId,
            LocalDate today,
            LocalDate endedSince,
            LocalDate soonEnd,
            EndingTerm after,
            int limit) {
        return jdbc.sql("""
                        select l.id, l.ends_on from licence l
                        where l.organisation_id = :organisationId
                          and l.ends_on >= :endedSince and l.ends_on <= :soonEnd
                          and (l.ends_on < :today or (not l.paused and l.activated_on is not null))
                          and (l.ends_on > :afterEndsOn or (l.ends_on = :afterEndsOn and l.id > :afterId))
                        order by l.ends_on, l.id
                        limit :limit
                        """)
                .param("organisationId", organisationId)
                .param("endedSince", Date.valueOf(endedSince))
                .param("soonEnd", Date.valueOf(soonEnd))
                .param("today", Date.valueOf(today))
                .param("afterEndsOn", Date.valueOf(after == null ? endedSince.minusDays(1) : after.endsOn()))
                .param("afterId", after == null ? 0 : after.licenceId())
                .param("limit", limit)
                .query((rs, n) -> {
                    LocalDate endsOn = rs.getDate("ends_on").toLocalDate();
                    return new EndingTerm(rs.getLong("id"), endsOn, endsOn.isBefore(today));
                })
                .list();
    }
}
