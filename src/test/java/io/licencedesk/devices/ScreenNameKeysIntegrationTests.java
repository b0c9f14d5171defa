package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A licence's live screens have names that are one in no case of any letter (decision 0151): compared by a key Java
 * folds ({@link ScreenName#key}), which the database holds unique, rather than by the database's {@code lower()}.
 * "Straße" and "STRASSE" were two names, as were "écran" typed with one character or with an "e" and an accent.
 */
@IntegrationTest
class ScreenNameKeysIntegrationTests {

    @Autowired
    ScreenManagement screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ScreenNameKeysAtStart keysAtStart;

    @Autowired
    Clock clock;

    TestOrganisation org;
    long licenceId;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        licenceId = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(org).id(),
                                "Lobby",
                                null,
                                6,
                                org.alice().userId()))
                .id();
    }

    @Test
    void aNameIsOneInEveryCaseOfEveryLetter() {
        screens.register(org.alice(), licenceId, "écran");
        screens.register(org.alice(), licenceId, "Straße");
        screens.register(org.alice(), licenceId, "Σοφία");

        for (String same : List.of("ÉCRAN", "e\u0301cran", "E\u0301CRAN", "STRASSE", "strasse", "ΣΟΦΊΑ", "σοφία")) {
            assertThatThrownBy(() -> screens.register(org.alice(), licenceId, same))
                    .as(same)
                    .isInstanceOf(ScreenNameTakenException.class)
                    .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                    .containsAnyOf("already called “écran”", "already called “Straße”", "already called “Σοφία”");
        }
        assertThat(names()).containsExactly("écran", "Straße", "Σοφία");
    }

    @Test
    void aScreenMayChangeTheCaseOfItsOwnNameAndARemovedScreensNameIsFreeAgain() {
        long street =
                screens.register(org.alice(), licenceId, "Straße").screen().id();
        long other = screens.register(org.alice(), licenceId, "Other").screen().id();

        assertThat(screens.rename(org.alice(), licenceId, street, "STRASSE").name())
                .isEqualTo("STRASSE");
        assertThatThrownBy(() -> screens.rename(org.alice(), licenceId, other, "straße"))
                .isInstanceOf(ScreenNameTakenException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “STRASSE”");
        screens.remove(org.alice(), licenceId, street);
        assertThat(screens.rename(org.alice(), licenceId, other, "straße").name())
                .isEqualTo("straße");
    }

    /** The database itself refuses a second live screen of one name, should a writer ever forget the licence's lock. */
    @Test
    void theDatabaseRefusesASecondLiveScreenOfOneKey() {
        screens.register(org.alice(), licenceId, "Écran");

        assertThatThrownBy(() -> insertLive("ÉCRAN", ScreenName.key("ÉCRAN")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(names()).containsExactly("Écran");
    }

    /**
     * Two registrations of one name at once: the first holds its transaction open after registering, the second runs
     * meanwhile and waits for the licence's lock, then is refused. (The lock closed this before; the unique key now
     * closes it in the database too.)
     */
    @Test
    void twoRegistrationsAtOnceNeverGiveTwoScreensOneName() throws Exception {
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<RegisteredScreen> secondRegistration = transaction.execute(status -> {
                screens.register(org.alice(), licenceId, "écran");
                Future<RegisteredScreen> started =
                        second.submit(() -> screens.register(org.alice(), licenceId, "ÉCRAN"));
                try {
                    started.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException waiting) {
                    // waits for this transaction's lock: committing lets it go on
                } catch (InterruptedException | ExecutionException unexpected) {
                    throw new IllegalStateException(unexpected);
                }
                return started;
            });

            assertThatThrownBy(() -> secondRegistration.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ScreenNameTakenException.class);
            assertThat(names()).containsExactly("écran");
        } finally {
            second.shutdownNow();
        }
    }

    /**
     * Screens stored before V38 have no key: a node's start gives each its key, oldest first; of two whose names are
     * one (let through by {@code lower()} in a "C" locale), the later keeps none, and both still refuse their name.
     */
    @Test
    void screensStoredBeforeAreGivenTheirKeysAtStart() {
        long first = insertLive("Hall", null);
        long second = insertLive("HALL", null);
        insertLive("Straße", null);

        keysAtStart.afterSingletonsInstantiated();

        assertThat(key(first)).isEqualTo("hall");
        assertThat(key(second)).isNull();
        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, "strasse"))
                .isInstanceOf(ScreenNameTakenException.class);
        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, "hall"))
                .isInstanceOf(ScreenNameTakenException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “Hall”");
        screens.remove(org.alice(), licenceId, first);
        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, "hall"))
                .as("the later one, without a key, is compared as before")
                .isInstanceOf(ScreenNameTakenException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “HALL”");
    }

    /**
     * A screen left without a key (its key was another's at the start, which was then removed) was compared by the
     * database's {@code lower()}: "Straße" was not "STRASSE" nor found by "ß" or "SS", as a keyed one is. Both are
     * compared by the key now (decision 0155).
     */
    @Test
    void aScreenWithoutAKeyIsComparedAndFoundAsAKeyedOneIs() {
        long unkeyed = insertLive("Straße", null);
        long keyed =
                screens.register(org.alice(), licenceId, "Große Halle").screen().id();

        for (String same : List.of("STRASSE", "strasse", "straße")) {
            assertThatThrownBy(() -> screens.register(org.alice(), licenceId, same))
                    .as(same)
                    .isInstanceOf(ScreenNameTakenException.class)
                    .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                    .contains("already called “Straße”");
            assertThatThrownBy(() -> screens.rename(org.alice(), licenceId, keyed, same))
                    .as(same)
                    .isInstanceOf(ScreenNameTakenException.class);
        }
        for (String search : List.of("ß", "SS", "STRASSE", "straße")) {
            assertThat(screens.screens(org.alice(), licenceId, search, 1, 20)
                            .page()
                            .items())
                    .as(search)
                    .extracting(Screen::id)
                    .contains(unkeyed);
        }
        assertThat(screens.screens(org.alice(), licenceId, "GROSSE", 1, 20)
                        .page()
                        .items())
                .extracting(Screen::id)
                .containsExactly(keyed);
        assertThat(names()).containsExactly("Straße", "Große Halle");
    }

    /** The screens are read a thousand at a time (memory stays flat): every one is keyed, past the first thousand. */
    @Test
    void screensStoredBeforeAreKeyedBatchAfterBatch() {
        for (int i = 0; i < 2_345; i++) {
            insertLive("Screen " + i, null);
        }

        keysAtStart.afterSingletonsInstantiated();

        assertThat(jdbc.sql("select count(*) from screen where licence_id = :licence and name_key is null")
                        .param("licence", licenceId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select name_key from screen where licence_id = :licence and name = 'Screen 2344'")
                        .param("licence", licenceId)
                        .query(String.class)
                        .single())
                .isEqualTo("screen 2344");
    }

    private long insertLive(String name, String key) {
        jdbc.sql("""
                        insert into screen (organisation_id, licence_id, name, name_key, created_at)
                        values (:organisation, :licence, :name, :key, :now)
                        """)
                .param("organisation", org.id())
                .param("licence", licenceId)
                .param("name", name)
                .param("key", key)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select max(id) from screen where licence_id = :licence")
                .param("licence", licenceId)
                .query(Long.class)
                .single();
    }

    private String key(long screen) {
        return jdbc.sql("select name_key from screen where id = :id")
                .param("id", screen)
                .query(String.class)
                .list()
                .get(0);
    }

    private List<String> names() {
        return screens.screens(org.alice(), licenceId).stream()
                .map(Screen::name)
                .toList();
    }
}
