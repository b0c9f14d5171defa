package io.licencedesk.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens, found by the hash of their secret; a person sees and revokes only their own. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS =
            "t.id, t.name, t.prefix, t.access, t.expires_at, t.created_at, t.last_used_at, t.last_used_from,"
                    + " t.revoked_at";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Caller owner, NewApiToken token, String prefix, String secretHash, Instant expiresAt, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into api_token (organisation_id, user_id, name, prefix, secret_hash, access, expires_at,
                                               created_at)
                        values (:organisationId, :userId, :name, :prefix, :secretHash, :access, :expiresAt, :now)
                        """)
                .param("organisationId", owner.organisationId())
                .param("userId", owner.userId())
                .param("name", token.name())
                .param("prefix", prefix)
                .param("secretHash", secretHash)
                .param("access", token.access().name())
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ApiToken> token(Caller owner, long id) {
        return jdbc.sql("select " + COLUMNS + " from api_token t where t.id = :id and t.user_id = :userId")
                .param("id", id)
                .param("userId", owner.userId())
                .query(ApiTokenRepository::token)
                .optional();
    }

    /** The person's tokens, newest first, revoked ones included (the list says so). */
    List<ApiToken> tokens(Caller owner) {
        return jdbc.sql("select " + COLUMNS + " from api_token t where t.user_id = :userId order by t.id desc")
                .param("userId", owner.userId())
                .query(ApiTokenRepository::token)
                .list();
    }

    boolean revoke(Caller owner, long id, Instant now) {
        return jdbc.sql("""
                                update api_token set revoked_at = :now
                                where id = :id and user_id = :userId and revoked_at is null
                                """)
                        .param("id", id)
                        .param("userId", owner.userId())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The token with this hash if it still counts (not revoked, not expired, its person enabled), as who it acts for. */
    Optional<Presented> usable(String secretHash, Instant now) {
        return jdbc.sql("""
                        select t.id, t.access, t.last_used_at, t.last_used_from,
                               u.id as user_id, u.organisation_id, u.role, u.email, u.name
                        from api_token t join app_user u on u.id = t.user_id
                        where t.secret_hash = :secretHash and t.revoked_at is null
                          and (t.expires_at is null or t.expires_at > :now) and u.enabled = true
                        """)
                .param("secretHash", secretHash)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Presented(
                        new ApiCaller(
                                new Caller(
                                        rs.getLong("user_id"),
                                        rs.getLong("organisation_id"),
                                        Role.valueOf(rs.getString("role")),
                                        rs.getString("email"),
                                        rs.getString("name")),
                                rs.getLong("id"),
                                ApiAccess.valueOf(rs.getString("access"))),
                        instant(rs, "last_used_at"),
                        rs.getString("last_used_from")))
                .optional();
    }

    void used(long id, Instant at, String from) {
        jdbc.sql("update api_token set last_used_at = :at, last_used_from = :from where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("from", from)
                .update();
    }

    /** A usable token as found, with when and from where it was last used (to write that only when it changed). */
    record Presented(ApiCaller caller, Instant lastUsedAt, String lastUsedFrom) {}

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                ApiAccess.valueOf(rs.getString("access")),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "last_used_at"),
                rs.getString("last_used_from"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
