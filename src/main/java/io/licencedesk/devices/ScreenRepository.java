package io.licencedesk.devices;

import io.licencedesk.shared.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Screens as rows. Removed screens stay in the table (removed_at set) and hold no seat. */
@Repository
class ScreenRepository {

    private static final RowMapper<Screen> SCREEN = ScreenRepository::screen;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    ScreenRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The seats of a licence, oldest first. */
    List<Screen> live(long licenceId) {
        return jdbc.sql("""
                        select * from screen
                        where licence_id = :licenceId and removed_at is null
                        order by created_at, id
                        """).param("licenceId", licenceId).query(SCREEN).list();
    }

    /**
     * The seats of a licence, oldest first, those whose name's key contains the search's key (ScreenName.key; all when
     * it is null), a page at a time: by the name's key, which Java folded, so that "ÉCRAN" finds "écran" under a "C"
     * locale too, where the database's {@code lower()} folds only ASCII (decision 0152). A licence has at most 10,000
     * screens, all under its index screen_licence_fingerprint_idx.
     */
    List<Screen> live(long licenceId, String searchKey, int offset, int limit) {
        var named = NamedLike.of(this, licenceId, searchKey);
        return jdbc.sql("""
                        select * from screen
                        where licence_id = :licenceId and removed_at is null
                        """ + named.condition() + """
                        order by created_at, id
                        offset :offset rows fetch next :limit rows only
                        """)
                .param("licenceId", licenceId)
                .params(named.parameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(SCREEN)
                .list();
    }

    int countLive(long licenceId, String searchKey) {
        var named = NamedLike.of(this, licenceId, searchKey);
        return jdbc.sql("select count(*) from screen where licence_id = :licenceId and removed_at is null\n"
                        + named.condition())
                .param("licenceId", licenceId)
                .params(named.parameters())
                .query(Integer.class)
                .single();
    }

    /** The condition on a screen's name for a search (empty when there is none), and its parameters. */
    private record NamedLike(String condition, Map<String, Object> parameters) {

        static NamedLike of(ScreenRepository screens, long licenceId, String searchKey) {
            if (searchKey == null) {
                return new NamedLike("", Map.of());
            }
            List<Long> unkeyed = screens.unkeyedLive(licenceId, key -> key.contains(searchKey));
            return new NamedLike(
                    "  and (name_key like :pattern" + (unkeyed.isEmpty() ? "" : " or id in (:unkeyed)") + ")\n",
                    unkeyed.isEmpty()
                            ? Map.of("pattern", Like.containing(searchKey))
                            : Map.of("pattern", Like.containing(searchKey), "unkeyed", unkeyed));
        }
    }

    /**
     * The ids of the licence's live screens without a key whose name's key, folded here as a keyed screen's was, is
     * matched: compared as every other name is (decision 0155), where the database's {@code lower()} did not fold "ß"
     * as "ss" nor, in a "C" locale, "É" as "é". They are the few the start could not key (ScreenNameKeysAtStart: another
     * live screen had their key), read on PostgreSQL through the partial index screen_unkeyed_idx (V39).
     */
    private List<Long> unkeyedLive(long licenceId, Predicate<String> keyMatches) {
        return jdbc
                .sql("""
                        select id, name from screen
                        where licence_id = :licenceId and removed_at is null and name_key is null
                        order by id
                        """)
                .param("licenceId", licenceId)
                .query((rs, row) -> keyMatches.test(ScreenName.key(rs.getString("name"))) ? rs.getLong("id") : null)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    Optional<Screen> findLive(long licenceId, long id) {
        return jdbc.sql("select * from screen where id = :id and licence_id = :licenceId and removed_at is null")
                .param("id", id)
                .param("licenceId", licenceId)
                .query(SCREEN)
                .optional();
    }

    /**
     * The name of a live screen of the licence called so in any case, other than the screen {@code exceptId} (0: none),
     * if there is one: the one row the rule needs. Names are compared by their key ({@link ScreenName#key}, unique
     * among live screens by the index screen_licence_name_key); a screen without one (stored before V38 and not given
     * one at start, as two names the old rule let through) by the same key, folded here from its name.
     */
    Optional<String> liveNameLike(long licenceId, String name, long exceptId) {
        String key = ScreenName.key(name);
        List<Long> unkeyed = unkeyedLive(licenceId, key::equals);
        return jdbc.sql("""
                        select name from screen
                        where licence_id = :licenceId and removed_at is null and id <> :exceptId
                          and (name_key = :key%s)
                        order by created_at, id
                        fetch first 1 rows only
                        """.formatted(unkeyed.isEmpty() ? "" : " or id in (:unkeyed)"))
                .param("licenceId", licenceId)
                .param("key", key)
                .param("unkeyed", unkeyed.isEmpty() ? List.of(0L) : unkeyed)
                .param("exceptId", exceptId)
                .query(String.class)
                .optional();
    }

    /** The names of the licence's live screens that are one of these in any case, for a free seat's name. */
    List<String> liveNamesLike(long licenceId, List<String> names) {
        Set<String> wanted = names.stream().map(ScreenName::key).collect(Collectors.toSet());
        List<Long> unkeyed = unkeyedLive(licenceId, wanted::contains);
        return jdbc.sql("""
                        select name from screen
                        where licence_id = :licenceId and removed_at is null
                          and (name_key in (:keys)%s)
                        """.formatted(unkeyed.isEmpty() ? "" : " or id in (:unkeyed)"))
                .param("licenceId", licenceId)
                .param("keys", wanted)
                .param("unkeyed", unkeyed.isEmpty() ? List.of(0L) : unkeyed)
                .query(String.class)
                .list();
    }

    /** Whether a seat this device held on the licence was removed in the portal. */
    boolean hadRemovedSeat(long licenceId, String fingerprint) {
        return jdbc.sql("""
                        select count(*) from screen
                        where licence_id = :licenceId and fingerprint = :fingerprint and removed_at is not null
                        """)
                        .param("licenceId", licenceId)
                        .param("fingerprint", fingerprint)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The seat this device holds on the licence, if any. */
    Optional<Screen> seatOf(long licenceId, String fingerprint) {
        return jdbc.sql("""
                        select * from screen
                        where licence_id = :licenceId and fingerprint = :fingerprint and removed_at is null
                        order by id
                        limit 1
                        """)
                .param("licenceId", licenceId)
                .param("fingerprint", fingerprint)
                .query(SCREEN)
                .optional();
    }

    /** Live screens per licence of one client, for the portal's list (licences without screens are absent). */
    Map<Long, Integer> countLiveByClient(long organisationId, long clientId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select s.licence_id, count(*) as screens
                        from screen s
                        join licence l on l.id = s.licence_id
                        where s.organisation_id = :organisationId and l.client_id = :clientId and s.removed_at is null
                        group by s.licence_id
                        """)
                .param("organisationId", organisationId)
                .param("clientId", clientId)
                .query(rs -> {
                    counts.put(rs.getLong("licence_id"), rs.getInt("screens"));
                });
        return counts;
    }

    int countLive(long licenceId) {
        return jdbc.sql("select count(*) from screen where licence_id = :licenceId and removed_at is null")
                .param("licenceId", licenceId)
                .query(Integer.class)
                .single();
    }

    /** Inserts a screen and returns it; a screen that takes a seat with another's credential has none. */
    Screen insert(
            long organisationId, long licenceId, String name, String credentialHash, String fingerprint, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into screen (organisation_id, licence_id, name, name_key, credential_hash, fingerprint,
                                            activated_at, created_at)
                        values (:organisationId, :licenceId, :name, :nameKey, :credentialHash, :fingerprint,
                                :activatedAt, :createdAt)
                        """)
                .param("organisationId", organisationId)
                .param("licenceId", licenceId)
                .param("name", name)
                .param("nameKey", ScreenName.key(name))
                .param("credentialHash", credentialHash)
                .param("fingerprint", fingerprint)
                .param("activatedAt", fingerprint == null ? null : Timestamp.from(now))
                .param("createdAt", Timestamp.from(now))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        return findLive(licenceId, id).orElseThrow();
    }

    boolean rename(long licenceId, long id, String name) {
        return jdbc.sql("""
                        update screen set name = :name, name_key = :nameKey
                        where id = :id and licence_id = :licenceId and removed_at is null
                        """)
                        .param("name", name)
                        .param("nameKey", ScreenName.key(name))
                        .param("id", id)
                        .param("licenceId", licenceId)
                        .update()
                > 0;
    }

    boolean remove(long licenceId, long id, Instant now) {
        return jdbc.sql("""
                        update screen set removed_at = :now, name_key = null
                        where id = :id and licence_id = :licenceId and removed_at is null
                        """)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("licenceId", licenceId)
                        .update()
                > 0;
    }

    /** Binds a device to a screen that has none yet (the caller holds the licence's lock). */
    void bind(long id, String fingerprint, Instant now) {
        int bound = jdbc.sql("""
                        update screen set fingerprint = :fingerprint, activated_at = :now
                        where id = :id and fingerprint is null
                        """)
                .param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        if (bound != 1) {
            throw new IllegalStateException("Screen " + id + " was bound meanwhile: is the licence locked?");
        }
    }

    /** Records one check-in time at once (an activation's, in its transaction); never moves it backwards. */
    void recordCheckIn(long id, Instant time) {
        jdbc.sql("""
                        update screen set last_check_in_at = :time
                        where id = :id and (last_check_in_at is null or last_check_in_at < :time)
                        """).param("time", Timestamp.from(time)).param("id", id).update();
    }

    /** Records check-in times in one batch; never moves a time backwards (several nodes may write). */
    void recordCheckIns(List<Map.Entry<Long, Instant>> times) {
        MapSqlParameterSource[] rows = times.stream()
                .map(entry -> new MapSqlParameterSource()
                        .addValue("id", entry.getKey())
                        .addValue("time", Timestamp.from(entry.getValue())))
                .toArray(MapSqlParameterSource[]::new);
        batches.batchUpdate("""
                update screen set last_check_in_at = :time
                where id = :id and (last_check_in_at is null or last_check_in_at < :time)
                """, rows);
    }

    private static Screen screen(ResultSet rs, int row) throws SQLException {
        String fingerprint = rs.getString("fingerprint");
        return new Screen(
                rs.getLong("id"),
                rs.getLong("licence_id"),
                rs.getString("name"),
                fingerprint != null,
                fingerprint,
                instant(rs.getTimestamp("activated_at")),
                instant(rs.getTimestamp("last_check_in_at")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
