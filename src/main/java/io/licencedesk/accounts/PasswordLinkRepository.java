package io.licencedesk.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Set-password links, found by the hash of their token; a link counts while unused and unexpired. */
@Repository
class PasswordLinkRepository {

    private final JdbcClient jdbc;

    PasswordLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a link and voids every earlier one of the user, so only the newest e-mail works. */
    void replace(long userId, LinkPurpose purpose, String tokenHash, Instant expiresAt, Instant now) {
        jdbc.sql("delete from password_link where user_id = :userId")
                .param("userId", userId)
                .update();
        jdbc.sql("""
                        insert into password_link (user_id, purpose, token_hash, expires_at, created_at)
                        values (:userId, :purpose, :tokenHash, :expiresAt, :now)
                        """)
                .param("userId", userId)
                .param("purpose", purpose.name())
                .param("tokenHash", tokenHash)
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The link with this token hash if it can still be used, with the e-mail of its (enabled) user and whether that
     * user has no password yet (the link sets their first one, whichever e-mail carried it).
     */
    Optional<UsableLink> findUsable(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select l.id, l.user_id, l.purpose, u.email, u.password_hash is null as first_password
                        from password_link l join app_user u on u.id = l.user_id
                        where l.token_hash = :tokenHash and l.used_at is null and l.expires_at > :now
                          and u.enabled = true
                        """)
                .param("tokenHash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new UsableLink(
                        rs.getLong("id"),
                        rs.getLong("user_id"),
                        LinkPurpose.valueOf(rs.getString("purpose")),
                        rs.getString("email"),
                        rs.getBoolean("first_password")))
                .optional();
    }

    /** Marks the link used; false when another request used it (or it expired) first. */
    boolean use(long linkId, Instant now) {
        return jdbc.sql("""
                                update password_link set used_at = :now
                                where id = :id and used_at is null and expires_at > :now
                                """)
                        .param("id", linkId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A password was set or changed: links sent before no longer work. */
    void voidUnused(long userId) {
        jdbc.sql("delete from password_link where user_id = :userId and used_at is null")
                .param("userId", userId)
                .update();
    }

    /**
     * For each of these users, until when their newest unused link works (absent: none). For someone without a
     * password any link is their invitation: a reset link asked for after an invitation expired replaces it (one link
     * a person), and counting invitations only said "Not invited" of a person holding a working link.
     */
    Map<Long, Instant> linkExpiries(long organisationId, Collection<Long> userIds) {
        Map<Long, Instant> expiries = new HashMap<>();
        if (userIds.isEmpty()) {
            return expiries;
        }
        jdbc.sql("""
                        select l.user_id, max(l.expires_at) as expires_at
                        from password_link l join app_user u on u.id = l.user_id
                        where u.organisation_id = :organisationId and l.user_id in (:userIds)
                          and l.used_at is null
                        group by l.user_id
                        """)
                .param("organisationId", organisationId)
                .param("userIds", userIds)
                .query(rs -> {
                    expiries.put(
                            rs.getLong("user_id"), rs.getTimestamp("expires_at").toInstant());
                });
        return expiries;
    }

    record UsableLink(long id, long userId, LinkPurpose purpose, String email, boolean firstPassword) {}
}
