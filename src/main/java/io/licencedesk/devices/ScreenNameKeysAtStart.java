package io.licencedesk.devices;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before a node serves anything, every live screen stored before V38 is given its name's key (decision 0151), oldest
 * (lowest id) first, a thousand read at a time, so that its name is held unique by the database as a new screen's is. Two live screens of one licence whose
 * names are one by the key (which the database's {@code lower()} let through under a "C" locale) keep their names:
 * the later one keeps no key, and is still compared by {@code lower()} (ScreenRepository) until it is renamed. Nodes
 * starting together may both do it: a row is given a key only while it has none, and a key another node gave meanwhile
 * is refused by the unique index, which leaves that row as it was.
 */
@Component
class ScreenNameKeysAtStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ScreenNameKeysAtStart.class);

    private final JdbcClient jdbc;

    ScreenNameKeysAtStart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Unkeyed(long id, long licenceId, String name) {}

    /** Screens read at a time: memory stays flat however many were stored before V38. */
    private static final int BATCH = 1_000;

    @Override
    public void afterSingletonsInstantiated() {
        int keyed = 0;
        int kept = 0;
        long after = 0;
        List<Unkeyed> batch;
        do {
            batch = jdbc.sql("""
                            select id, licence_id, name from screen
                            where removed_at is null and name_key is null and id > :after
                            order by id
                            limit :batch
                            """)
                    .param("after", after)
                    .param("batch", BATCH)
                    .query(Unkeyed.class)
                    .list();
            for (Unkeyed screen : batch) {
                if (giveKey(screen)) {
                    keyed++;
                } else {
                    kept++;
                }
                after = screen.id();
            }
        } while (batch.size() == BATCH);
        if (keyed + kept > 0) {
            log.info(
                    "Screen names: {} given their key, {} left without one (another screen has its name)", keyed, kept);
        }
    }

    private boolean giveKey(Unkeyed screen) {
        try {
            return jdbc.sql("""
                                    update screen set name_key = :key
                                    where id = :id and name_key is null and not exists (
                                        select 1 from screen other
                                        where other.licence_id = :licenceId and other.name_key = :key)
                                    """)
                            .param("key", ScreenName.key(screen.name()))
                            .param("id", screen.id())
                            .param("licenceId", screen.licenceId())
                            .update()
                    > 0;
        } catch (DuplicateKeyException givenMeanwhile) {
            return false;
        }
    }
}
