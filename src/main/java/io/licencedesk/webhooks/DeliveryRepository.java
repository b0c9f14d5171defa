package io.licencedesk.webhooks;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of webhook deliveries. A due delivery is claimed by a compare-and-set on its version, so that of two
 * nodes only one sends it, and is owned until its lease ends; an outcome is recorded only by the claim that holds
 * it, so a node whose lease ran out cannot overwrite the next one's.
 */
@Repository
class DeliveryRepository {

    private static final String COLUMNS = """
            id, event_id, event_type, status, attempts, last_response_code, last_duration_ms, last_error, last_response,
            created_at, last_attempt_at, next_attempt_at, delivered_at""";

    private final JdbcClient jdbc;
    private final SigningSecretEncryption secrets;

    DeliveryRepository(JdbcClient jdbc, SigningSecretEncryption secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    void insert(long organisationId, long endpointId, Event event, Instant now) {
        jdbc.sql("""
                        insert into webhook_delivery (organisation_id, endpoint_id, event_id, event_type, payload, status,
                                                      next_attempt_at, created_at)
                        values (:organisationId, :endpointId, :eventId, :eventType, :payload, 'PENDING', :now, :now)
                        """)
                .param("organisationId", organisationId)
                .param("endpointId", endpointId)
                .param("eventId", event.id())
                .param("eventType", event.type().wireName())
                .param("payload", event.json())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Deliveries due now to enabled endpoints: pending ones whose time has come, and leases of senders that died. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select d.id from webhook_delivery d
                        join webhook_endpoint e on e.id = d.endpoint_id
                        where e.enabled
                          and ((d.status = 'PENDING' and d.next_attempt_at <= :now)
                               or (d.status = 'SENDING' and d.leased_until <= :now))
                        order by d.next_attempt_at, d.id
                        limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes a due delivery for this node until the lease ends, with its endpoint's secrets decrypted to sign it; empty
     * when another node took it first.
     */
    Optional<Claimed> claim(long id, Instant now, Instant leaseUntil) {
        Optional<Claimed> row = jdbc.sql("""
                        select d.id, d.version, d.organisation_id, d.endpoint_id, d.event_id, d.payload, d.attempts, e.url,
                               e.signing_secret, e.previous_signing_secret, e.previous_secret_until
                        from webhook_delivery d
                        join webhook_endpoint e on e.id = d.endpoint_id
                        where d.id = :id and e.enabled
                          and ((d.status = 'PENDING' and d.next_attempt_at <= :now)
                               or (d.status = 'SENDING' and d.leased_until <= :now))
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getInt("version") + 1,
                        rs.getLong("organisation_id"),
                        rs.getString("event_id"),
                        rs.getString("payload"),
                        rs.getString("url"),
                        secrets.open(
                                rs.getLong("organisation_id"),
                                rs.getLong("endpoint_id"),
                                rs.getString("signing_secret")),
                        secrets.open(
                                rs.getLong("organisation_id"),
                                rs.getLong("endpoint_id"),
                                rs.getString("previous_signing_secret")),
                        instant(rs.getTimestamp("previous_secret_until")),
                        rs.getInt("attempts") + 1))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int taken = jdbc.sql("""
                        update webhook_delivery
                        set status = 'SENDING', attempts = attempts + 1, leased_until = :leaseUntil,
                            last_attempt_at = :now, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", row.get().version() - 1)
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .update();
        return taken == 1 ? row : Optional.empty();
    }

    /** Records an attempt's outcome, if the claim still holds the delivery. */
    void finish(Claimed claimed, WebhookDeliveryStatus status, Attempt attempt, Instant nextAttempt, Instant now) {
        jdbc.sql("""
                        update webhook_delivery
                        set status = :status, leased_until = null, next_attempt_at = :nextAttempt,
                            last_response_code = :code, last_duration_ms = :duration, last_error = :error,
                            last_response = :response, delivered_at = :deliveredAt, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("status", status.name())
                .param("nextAttempt", Timestamp.from(nextAttempt))
                .param("code", attempt.responseCode())
                .param("duration", attempt.durationMs())
                .param("error", attempt.error())
                .param("response", attempt.responseExcerpt())
                .param("deliveredAt", status == WebhookDeliveryStatus.DELIVERED ? Timestamp.from(now) : null)
                .param("id", claimed.id())
                .param("version", claimed.version())
                .update();
    }

    /** Puts a finished delivery back in line now, with a new round of attempts. */
    boolean sendAgain(long organisationId, long endpointId, long id, Instant now) {
        return jdbc.sql("""
                                update webhook_delivery
                                set status = 'PENDING', attempts = 0, next_attempt_at = :now, leased_until = null,
                                    version = version + 1
                                where organisation_id = :organisationId and endpoint_id = :endpointId and id = :id
                                  and status in ('DELIVERED', 'FAILED')
                                """)
                        .param("now", Timestamp.from(now))
                        .param("organisationId", organisationId)
                        .param("endpointId", endpointId)
                        .param("id", id)
                        .update()
                == 1;
    }

    List<WebhookDelivery> page(long organisationId, long endpointId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from webhook_delivery
                        where organisation_id = :organisationId and endpoint_id = :endpointId
                        order by id desc
                        offset :offset rows fetch next :limit rows only
                        """)
                .param("organisationId", organisationId)
                .param("endpointId", endpointId)
                .param("offset", offset)
                .param("limit", limit)
                .query(DeliveryRepository::delivery)
                .list();
    }

    long count(long organisationId, long endpointId) {
        return jdbc.sql("""
                        select count(*) from webhook_delivery
                        where organisation_id = :organisationId and endpoint_id = :endpointId
                        """)
                .param("organisationId", organisationId)
                .param("endpointId", endpointId)
                .query(Long.class)
                .single();
    }

    Optional<WebhookDelivery> find(long organisationId, long endpointId, long id) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from webhook_delivery
                        where organisation_id = :organisationId and endpoint_id = :endpointId and id = :id
                        """)
                .param("organisationId", organisationId)
                .param("endpointId", endpointId)
                .param("id", id)
                .query(DeliveryRepository::delivery)
                .optional();
    }

    /** The exact body a delivery sends, for its page. */
    Optional<String> payload(long organisationId, long endpointId, long id) {
        return jdbc.sql("""
                        select payload from webhook_delivery
                        where organisation_id = :organisationId and endpoint_id = :endpointId and id = :id
                        """)
                .param("organisationId", organisationId)
                .param("endpointId", endpointId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * Records the notice of a licence's term ending (expiring soon or expired), once: false when it had been
     * recorded, by this node or another. The insert does nothing on a conflict, so the transaction goes on.
     */
    boolean recordTermNotice(long organisationId, long licenceId, LocalDate endsOn, EventType type, Instant now) {
        return jdbc.sql("""
                                insert into webhook_term_notice (licence_id, ends_on, event_type, organisation_id,
                                                                 noticed_at)
                                values (:licenceId, :endsOn, :type, :organisationId, :now)
                                on conflict do nothing
                                """)
                        .param("licenceId", licenceId)
                        .param("endsOn", Date.valueOf(endsOn))
                        .param("type", type.wireName())
                        .param("organisationId", organisationId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Forgets deliveries that ended before the cut-off; pending ones are kept whatever their age. */
    int deleteFinishedBefore(Instant cutOff) {
        return jdbc.sql("""
                        delete from webhook_delivery
                        where status in ('DELIVERED', 'FAILED') and created_at < :cutOff
                        """).param("cutOff", Timestamp.from(cutOff)).update();
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                rs.getLong("id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                WebhookDeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getObject("last_response_code", Integer.class),
                rs.getObject("last_duration_ms", Long.class),
                rs.getString("last_error"),
                rs.getString("last_response"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("delivered_at")),
                null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A delivery this node is sending, with what it needs to send it; version is the one the claim wrote. */
    record Claimed(
            long id,
            int version,
            long organisationId,
            String eventId,
            String payload,
            String url,
            String signingSecret,
            String previousSigningSecret,
            Instant previousSecretUntil,
            int attempt) {

        /**
         * The secrets that sign an attempt made now: the current one, and the one it replaced while it overlaps, by
         * the endpoint's rule (what its page says). A roll that keeps no previous secret clears both columns.
         */
        List<String> signingSecrets(Instant now) {
            return previousSigningSecret != null && WebhookEndpoint.previousSecretSigns(previousSecretUntil, now)
                    ? List.of(signingSecret, previousSigningSecret)
                    : List.of(signingSecret);
        }

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", eventId=" + eventId + ", attempt=" + attempt + "]";
        }
    }

    /** What one attempt got: a status code (none when no answer came), how long it took, and what went wrong. */
    record Attempt(Integer responseCode, Long durationMs, String error, String responseExcerpt) {}
}
