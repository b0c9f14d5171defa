package io.licencedesk.api;

import io.licencedesk.shared.EncryptionAtRest;
import io.licencedesk.shared.EncryptionAtRest.Subject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The REST API's idempotency keys, per token, in the database so that every node sees the same ones (decision
 * 0043). The primary key decides which of two requests racing with one key runs: only one insert wins.
 */
@Repository
class IdempotencyKeys {

    /** What a request sent with a key may do. */
    sealed interface Claim permits Granted, Replay, Reused, InProgress {}

    /** Run the request: this attempt holds the key until it keeps its answer or lets go. */
    record Granted(long tokenId, String key, String attempt) implements Claim {}

    /** The key's request ran: answer as it did. */
    record Replay(StoredAnswer answer) implements Claim {}

    /** The key was used for another request (method, path, query or body). */
    record Reused() implements Claim {}

    /** The key's request is running, here or on another node. */
    record InProgress() implements Claim {}

    /**
     * What a replay answers again: the status, the headers that matter (Location, ETag; decision 0135) and the body,
     * null when it was too large to keep, held a secret that is never kept, or was sealed with a key-encryption key
     * this node no longer has.
     */
    record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {}

    private record Row(String requestHash, String attempt, Instant lockedAt, StoredAnswer answer) {}

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final EncryptionAtRest encryption;

    IdempotencyKeys(
            JdbcClient jdbc,
            Clock clock,
            @Value("${licencedesk.api.idempotency.abandoned-after:PT60S}") Duration abandonedAfter,
            EncryptionAtRest encryption) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
        this.encryption = encryption;
    }

    Claim claim(long tokenId, String key, String requestHash) {
        Instant now = clock.instant();
        // Another round when the key went away (its request failed) or changed hands between two statements.
        for (int round = 0; round < 3; round++) {
            String attempt = UUID.randomUUID().toString();
            if (insert(tokenId, key, requestHash, attempt, now)) {
                return new Granted(tokenId, key, attempt);
            }
            Optional<Row> found = find(tokenId, key);
            if (found.isEmpty()) {
                continue;
            }
            Row row = found.get();
            if (!row.requestHash().equals(requestHash)) {
                return new Reused();
            }
            if (row.answer() != null) {
                return new Replay(row.answer());
            }
            if (row.lockedAt().isAfter(now.minus(abandonedAfter))) {
                return new InProgress();
            }
            if (takeOver(tokenId, key, row.attempt(), attempt, now)) {
                return new Granted(tokenId, key, attempt);
            }
        }
        return new InProgress();
    }

    /**
     * Keeps the answer of a granted request, unless another attempt took the key over meanwhile; {@code sealed}: its
     * body is kept encrypted with the key-encryption key, bound to the token and the key (decision 0170).
     */
    void keep(Granted granted, StoredAnswer answer, boolean sealed) {
        byte[] body = sealed && answer.body() != null
                ? encryption
                        .seal(subject(granted.tokenId(), granted.key()), answer.body())
                        .getBytes(StandardCharsets.US_ASCII)
                : answer.body();
        jdbc.sql("""
                        update idempotency_key
                        set state = 'DONE', answer_status = :status, answer_content_type = :contentType,
                            answer_location = :location, answer_etag = :etag, answer_body = :body,
                            answer_sealed = :sealed
                        where token_id = :tokenId and key_text = :key and attempt = :attempt
                          and state = 'IN_PROGRESS'
                        """)
                .param("status", answer.status())
                .param("contentType", answer.contentType(), Types.VARCHAR)
                .param("location", answer.location(), Types.VARCHAR)
                .param("etag", answer.etag(), Types.VARCHAR)
                .param("body", body, Types.VARBINARY)
                .param("sealed", sealed && body != null)
                .param("tokenId", granted.tokenId())
                .param("key", granted.key())
                .param("attempt", granted.attempt())
                .update();
    }

    /** Lets go of a granted key whose request failed, so that a retry runs it again. */
    void letGo(Granted granted) {
        jdbc.sql("""
                        delete from idempotency_key
                        where token_id = :tokenId and key_text = :key and attempt = :attempt
                          and state = 'IN_PROGRESS'
                        """)
                .param("tokenId", granted.tokenId())
                .param("key", granted.key())
                .param("attempt", granted.attempt())
                .update();
    }

    /** Forgets the keys made before this moment, whatever their state: they may be used again. */
    int forgetCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_key where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private boolean insert(long tokenId, String key, String requestHash, String attempt, Instant now) {
        try {
            return jdbc.sql("""
                            insert into idempotency_key
                                (token_id, key_text, request_hash, state, attempt, locked_at, created_at)
                            values (:tokenId, :key, :requestHash, 'IN_PROGRESS', :attempt, :now, :now)
                            on conflict do nothing
                            """)
                            .param("tokenId", tokenId)
                            .param("key", key)
                            .param("requestHash", requestHash)
                            .param("attempt", attempt)
                            .param("now", Timestamp.from(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    private Optional<Row> find(long tokenId, String key) {
        return jdbc.sql("""
                        select request_hash, attempt, locked_at, answer_status, answer_content_type,
                               answer_location, answer_etag, answer_body, answer_sealed
                        from idempotency_key
                        where token_id = :tokenId and key_text = :key
                        """)
                .param("tokenId", tokenId)
                .param("key", key)
                .query((rs, rowNumber) -> row(rs, opened(tokenId, key, rs)))
                .optional();
    }

    /** The kept body, opened if it was sealed; null when there is none or no key of this node opens it. */
    private byte[] opened(long tokenId, String key, ResultSet rs) throws SQLException {
        byte[] body = rs.getBytes("answer_body");
        if (body == null || !rs.getBoolean("answer_sealed")) {
            return body;
        }
        try {
            return encryption.open(subject(tokenId, key), new String(body, StandardCharsets.US_ASCII));
        } catch (IllegalStateException notOpened) {
            // Sealed with a key-encryption key removed since (a rotation's last step within the key's day), or
            // altered: the replay answers its status, Location and ETag, as for an answer whose secret is never kept.
            log.warn(
                    "The kept answer of an Idempotency-Key of API token {} does not open: replayed without its body"
                            + " ({})",
                    tokenId,
                    notOpened.getMessage());
            return null;
        }
    }

    private static Subject subject(long tokenId, String key) {
        return new Subject(
                "idempotency_key " + tokenId + " " + key, "kept answer of an Idempotency-Key of API token " + tokenId);
    }

    /** The key's request was left running longer than any request runs: its node died, this attempt takes over. */
    private boolean takeOver(long tokenId, String key, String abandoned, String attempt, Instant now) {
        return jdbc.sql("""
                        update idempotency_key set attempt = :attempt, locked_at = :now
                        where token_id = :tokenId and key_text = :key and attempt = :abandoned
                          and state = 'IN_PROGRESS'
                        """)
                        .param("attempt", attempt)
                        .param("now", Timestamp.from(now))
                        .param("tokenId", tokenId)
                        .param("key", key)
                        .param("abandoned", abandoned)
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, byte[] body) throws SQLException {
        int status = rs.getInt("answer_status");
        StoredAnswer answer = rs.wasNull()
                ? null
                : new StoredAnswer(
                        status,
                        rs.getString("answer_content_type"),
                        rs.getString("answer_location"),
                        rs.getString("answer_etag"),
                        body);
        return new Row(
                rs.getString("request_hash"),
                rs.getString("attempt"),
                rs.getTimestamp("locked_at").toInstant(),
                answer);
    }
}
