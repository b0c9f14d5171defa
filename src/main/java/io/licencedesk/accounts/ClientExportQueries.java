package io.licencedesk.accounts;

import io.licencedesk.shared.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clients of the client list (the same search, the same order), read through a cursor: a fetch size
 * inside the caller's transaction makes PostgreSQL's driver fetch them in batches instead of all at once.
 */
@Component
class ClientExportQueries {

    static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    ClientExportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void clients(long organisationId, String term, Instant now, Consumer<ExportedClient> each) {
        if (!Like.canMatch(term)) {
            return;
        }
        String pattern = Like.containing(term);
        Map<String, Object> params = new HashMap<>();
        params.put("organisationId", organisationId);
        if (pattern != null) {
            params.put("pattern", pattern);
        }
        RowCallbackHandler handler = rs -> each.accept(client(rs, now));
        jdbc.sql("""
                        select u.name, u.email, u.company, u.billing_address, u.vat_number, u.enabled, u.created_at,
                               u.password_hash is not null as can_sign_in,
                               (select max(pl.expires_at) from password_link pl
                                where pl.user_id = u.id and pl.used_at is null
                               ) as invited_until
                        from app_user u
                        where u.organisation_id = :organisationId and u.role = 'CLIENT' %s
                        order by u.name, u.id
                        """.formatted(pattern == null ? "" : "and " + AccountRepository.CLIENT_TEXT + " like :pattern"))
                .params(params)
                .withFetchSize(FETCH_SIZE)
                .query(handler);
    }

    /** Access decided as {@link AccountManagement#access} decides it for the client list. */
    private static ExportedClient client(ResultSet rs, Instant now) throws SQLException {
        Timestamp invitedUntil = rs.getTimestamp("invited_until");
        ClientAccess access = rs.getBoolean("can_sign_in")
                ? ClientAccess.ACTIVE
                : invitedUntil == null
                        ? ClientAccess.NOT_INVITED
                        : invitedUntil.toInstant().isAfter(now)
                                ? ClientAccess.INVITED
                                : ClientAccess.INVITATION_EXPIRED;
        return new ExportedClient(
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("company"),
                rs.getString("billing_address"),
                rs.getString("vat_number"),
                access,
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
