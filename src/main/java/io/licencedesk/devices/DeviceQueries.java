package io.licencedesk.devices;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The device API's reads. {@link #view} is the check-in's only query: one indexed look-up of the credential
 * (unique index), its licence (primary key) and the device's seat (licence and fingerprint index).
 *
 * <p>It reads the licence module's licence table read-only, as LicenceQueries reads app_user: going through
 * the licence façade would cost a second query per check-in on the hot path.
 */
@Component
class DeviceQueries {

    /** Screen of the credential, its licence, and the device's seat: a live one first, else the latest removed. */
    private static final String VIEW = """
            select l.organisation_id, l.id as licence_id, l.coupon_code, l.client_id, l.paused, l.pause_reason,
                   l.activated_on,
                   l.ends_on, s.id as seat_id, s.name as seat_name, s.removed_at as seat_removed_at,
                   c.removed_at as credential_removed_at
            from screen c
            join licence l on l.id = c.licence_id
            left join screen s on s.licence_id = c.licence_id and s.fingerprint = ?
            where c.credential_hash = ?
            order by s.removed_at desc nulls first, s.id desc
            limit 1
            """;

    /** The screen a credential was issued for. */
    record CredentialScreen(long id, long licenceId, long organisationId, String fingerprint, boolean removed) {}

    private final JdbcClient jdbc;

    DeviceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DeviceView> view(String credentialHash, String fingerprint) {
        return jdbc.sql(VIEW)
                .param(fingerprint)
                .param(credentialHash)
                .query((rs, n) -> {
                    long seatId = rs.getLong("seat_id");
                    boolean noSeat = rs.wasNull();
                    return new DeviceView(
                            rs.getLong("organisation_id"),
                            rs.getLong("licence_id"),
                            rs.getString("coupon_code"),
                            rs.getObject("client_id", Long.class),
                            rs.getBoolean("paused"),
                            "OVERDUE".equals(rs.getString("pause_reason")),
                            localDate(rs.getDate("activated_on")),
                            localDate(rs.getDate("ends_on")),
                            noSeat ? null : seatId,
                            rs.getString("seat_name"),
                            rs.getTimestamp("seat_removed_at") != null,
                            rs.getTimestamp("credential_removed_at") != null);
                })
                .optional();
    }

    Optional<CredentialScreen> credentialScreen(String credentialHash) {
        return jdbc.sql("""
                        select id, licence_id, organisation_id, fingerprint, removed_at from screen
                        where credential_hash = ?
                        """)
                .param(credentialHash)
                .query((rs, n) -> new CredentialScreen(
                        rs.getLong("id"),
                        rs.getLong("licence_id"),
                        rs.getLong("organisation_id"),
                        rs.getString("fingerprint"),
                        rs.getTimestamp("removed_at") != null))
                .optional();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
