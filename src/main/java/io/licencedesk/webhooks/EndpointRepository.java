package io.licencedesk.webhooks;

import io.licencedesk.shared.RowLocks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** Endpoints and the organisation's webhook settings; every query is scoped by organisation. */
@Repository
class EndpointRepository {

    /** What event_types holds for an endpoint that receives every type, those added later too. */
    static final String ALL_TYPES = "*";

    private static final String COLUMNS =
            "id, url, description, event_types, enabled, created_at, previous_secret_until, secret_created_at";

    private final JdbcClient jdbc;
    private final SigningSecretEncryption secrets;
    /** PostgreSQL's weakest lock that keeps other changes out, or H2's only one (see findForUpdate, RowLocks). */
    private final String changeLock;

    EndpointRepository(JdbcClient jdbc, SigningSecretEncryption secrets, DataSource dataSource)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.changeLock = RowLocks.changeLock(dataSource);
    }

    /** Inserts the endpoint with its signing secret encrypted (decision 0167); call it in a transaction. */
    long insert(long organisationId, NewEndpoint endpoint, String signingSecret, Instant now) {
        var keys = new GeneratedKeyHolder();
        // The secret is bound to the endpoint's id, known once the row is in: it is set in the same transaction, so
        // that no one reads the row without it.
        jdbc.sql("""
                        insert into webhook_endpoint (organisation_id, url, description, event_types, signing_secret,
                                                      enabled, created_at, secret_created_at)
                        values (:organisationId, :url, :description, :eventTypes, '', true, :now, :now)
                        """)
                .param("organisationId", organisationId)
                .param("url", endpoint.url())
                .param("description", endpoint.description())
                .param("eventTypes", endpoint.allTypes() ? ALL_TYPES : typesColumn(endpoint.eventTypes()))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql(
                        "update webhook_endpoint set signing_secret = :secret where organisation_id = :organisationId and id = :id")
                .param("secret", secrets.seal(organisationId, id, signingSecret))
                .param("organisationId", organisationId)
                .param("id", id)
                .update();
        return id;
    }

    List<WebhookEndpoint> all(long organisationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from webhook_endpoint where organisation_id = :organisationId order by id")
                .param("organisationId", organisationId)
                .query(EndpointRepository::endpoint)
                .list();
    }

    List<WebhookEndpoint> enabled(long organisationId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from webhook_endpoint where organisation_id = :organisationId and enabled order by id""")
                .param("organisationId", organisationId)
                .query(EndpointRepository::endpoint)
                .list();
    }

    Optional<WebhookEndpoint> find(long organisationId, long id) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from webhook_endpoint where organisation_id = :organisationId and id = :id""")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(EndpointRepository::endpoint)
                .optional();
    }

    /**
     * The endpoint, locked until the transaction ends: a change judged on it (an If-Match, a form opened before
     * someone else's edit, the audit log's before) is made before any other change of it can start (decision 0162).
     * On PostgreSQL the lock is {@code for no key update}, which a plain update takes: {@code for update} would also
     * wait for every transaction that queued a delivery to the endpoint (its foreign key takes {@code for key share})
     * and hold such transactions back in turn.
     */
    Optional<WebhookEndpoint> findForUpdate(long organisationId, long id) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from webhook_endpoint where organisation_id = :organisationId and id = :id""" + " " + changeLock)
                .param("organisationId", organisationId)
                .param("id", id)
                .query(EndpointRepository::endpoint)
                .optional();
    }

    int count(long organisationId) {
        return jdbc.sql("select count(*) from webhook_endpoint where organisation_id = :organisationId")
                .param("organisationId", organisationId)
                .query(Integer.class)
                .single();
    }

    /** The organisations with at least one enabled endpoint, for the scan of ending terms. */
    List<Long> organisationsWithEnabledEndpoints() {
        return jdbc.sql("select distinct organisation_id from webhook_endpoint where enabled order by organisation_id")
                .query(Long.class)
                .list();
    }

    boolean setEnabled(long organisationId, long id, boolean enabled) {
        return jdbc.sql("""
                                update webhook_endpoint set enabled = :enabled
                                where organisation_id = :organisationId and id = :id
                                """)
                        .param("enabled", enabled)
                        .param("organisationId", organisationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean change(long organisationId, long id, String description, boolean allTypes, Set<EventType> types) {
        return jdbc.sql("""
                                update webhook_endpoint set description = :description, event_types = :eventTypes
                                where organisation_id = :organisationId and id = :id
                                """)
                        .param("description", description, Types.VARCHAR)
                        .param("eventTypes", allTypes ? ALL_TYPES : typesColumn(types))
                        .param("organisationId", organisationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Replaces the endpoint's signing secret. With {@code previousUntil}, the secret it replaces keeps signing beside
     * the new one until then; without, it stops at once (and an overlap of an earlier roll ends too). The new secret
     * is stored encrypted; the one it replaces moves as it is stored, bound to the endpoint rather than its column.
     * {@code madeAt} is the new secret's {@code secret_created_at}.
     */
    boolean rollSecret(long organisationId, long id, String newSecret, Instant previousUntil, Instant madeAt) {
        return jdbc.sql("""
                                update webhook_endpoint
                                set previous_signing_secret = case when :keep then signing_secret else null end,
                                    previous_secret_until = :until,
                                    signing_secret = :secret,
                                    secret_created_at = :madeAt
                                where organisation_id = :organisationId and id = :id
                                """)
                        .param("keep", previousUntil != null)
                        .param("madeAt", Timestamp.from(madeAt))
                        .param("until", previousUntil == null ? null : Timestamp.from(previousUntil), Types.TIMESTAMP)
                        .param("secret", secrets.seal(organisationId, id, newSecret))
                        .param("organisationId", organisationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes the endpoint and its delivery log (the deliveries go with it, by the foreign key's cascade). */
    boolean delete(long organisationId, long id) {
        return jdbc.sql("delete from webhook_endpoint where organisation_id = :organisationId and id = :id")
                        .param("organisationId", organisationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean allowsPrivateAddresses(long organisationId) {
        return jdbc.sql("""
                        select allow_private_addresses from webhook_settings where organisation_id = :organisationId
                        """)
                .param("organisationId", organisationId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void allowPrivateAddresses(long organisationId, boolean allowed) {
        jdbc.sql("""
                        insert into webhook_settings (organisation_id, allow_private_addresses)
                        values (:organisationId, false)
                        on conflict do nothing
                        """).param("organisationId", organisationId).update();
        jdbc.sql("""
                        update webhook_settings set allow_private_addresses = :allowed
                        where organisation_id = :organisationId
                        """)
                .param("allowed", allowed)
                .param("organisationId", organisationId)
                .update();
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        String types = rs.getString("event_types");
        return new WebhookEndpoint(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("description"),
                ALL_TYPES.equals(types),
                parseTypes(types),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("previous_secret_until")),
                rs.getTimestamp("secret_created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String typesColumn(Set<EventType> types) {
        return types.stream().sorted().map(EventType::wireName).collect(Collectors.joining(","));
    }

    /** Types no longer known are left out rather than failing the page. */
    static Set<EventType> parseTypes(String column) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (ALL_TYPES.equals(column)) {
            return types;
        }
        Arrays.stream(column.split(","))
                .map(EventType::ofWireName)
                .flatMap(Optional::stream)
                .forEach(types::add);
        return types;
    }
}
