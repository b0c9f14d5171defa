package io.licencedesk.devices;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Role;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.LifecycleStatus;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the screens need from the licence module: who may see a licence's screens, the licence locked
 * while its seats are counted, and its activation by a device.
 *
 * <p>TEMPORARY: reads the licence table until the licence module's ClientLicences façade is on main;
 * then every method here delegates to it.
 */
@Component
class LicenceSeats {

    /** A licence locked for counting its seats, as the licence module describes it. */
    record LockedLicence(
            long id, long organisationId, Long clientId, int quantity, LifecycleStatus status, LocalDate endsOn) {}

    private final LicenceManagement staffLicences;
    private final JdbcClient jdbc;
    private final Clock clock;

    LicenceSeats(LicenceManagement staffLicences, JdbcClient jdbc, Clock clock) {
        this.staffLicences = staffLicences;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses anyone but the client the licence is assigned to. */
    void requireClient(Caller client, long licenceId) {
        if (client.role() != Role.CLIENT) {
            throw new AccessDeniedException("Only clients manage their screens");
        }
        boolean own = jdbc.sql("""
                        select count(*) from licence
                        where id = :id and organisation_id = :organisationId and client_id = :clientId
                        """)
                        .param("id", licenceId)
                        .param("organisationId", client.organisationId())
                        .param("clientId", client.userId())
                        .query(Long.class)
                        .single()
                > 0;
        if (!own) {
            throw new LicenceNotFoundException(licenceId);
        }
    }

    /** Refuses anyone but the licence's client and staff of its organisation. */
    void requireReader(Caller caller, long licenceId) {
        if (caller.isStaff()) {
            staffLicences.details(caller, licenceId);
        } else {
            requireClient(caller, licenceId);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    LockedLicence lock(long licenceId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select * from licence where id = :id for update")
                .param("id", licenceId)
                .query((rs, n) -> {
                    Long clientId = rs.getObject("client_id", Long.class);
                    LocalDate activatedOn = toLocalDate(rs.getDate("activated_on"));
                    LocalDate endsOn = toLocalDate(rs.getDate("ends_on"));
                    return new LockedLicence(
                            rs.getLong("id"),
                            rs.getLong("organisation_id"),
                            clientId,
                            rs.getInt("quantity"),
                            LifecycleStatus.of(clientId, rs.getBoolean("paused"), activatedOn, endsOn, today),
                            endsOn);
                })
                .optional()
                .orElseThrow(() -> new LicenceNotFoundException(licenceId));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void activateByDevice(long licenceId) {
        LocalDate today = LocalDate.now(clock);
        Period term = Period.parse(jdbc.sql("select term from licence where id = :id")
                .param("id", licenceId)
                .query(String.class)
                .single());
        jdbc.sql("update licence set activated_on = :today, ends_on = :endsOn where id = :id and activated_on is null")
                .param("today", Date.valueOf(today))
                .param("endsOn", Date.valueOf(today.plus(term)))
                .param("id", licenceId)
                .update();
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
