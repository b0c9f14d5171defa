package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** The screens façade against a real database (H2 here, PostgreSQL in the subclass). */
@IntegrationTest
class ScreenManagementIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    ScreenManagement screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestLicences testLicences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;
    TestOrganisation other;
    Plan plan;
    long licenceId;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        plan = fixture.monthlyPlan(org);
        licenceId = licence(3, org.alice());
    }

    long licence(int quantity, Caller client) {
        return licences.create(org.manager(), new NewLicence(plan.id(), "Lobby", null, quantity, client.userId()))
                .id();
    }

    List<String> names(Caller caller, long licence) {
        return screens.screens(caller, licence).stream().map(Screen::name).toList();
    }

    @Test
    void countsEachOfAClientsOwnLicencesScreensWithoutRemovedOnes() {
        long second = licence(2, org.alice());
        long bobs = licence(2, org.bob());
        screens.register(org.alice(), licenceId, "Entrance");
        long removed = screens.register(org.alice(), licenceId, "Bar").screen().id();
        screens.remove(org.alice(), licenceId, removed);
        screens.register(org.alice(), second, "Window");
        screens.register(org.alice(), second, "Door");
        screens.register(org.bob(), bobs, "Bob's");

        assertThat(screens.screenCounts(org.alice())).containsOnly(entry(licenceId, 1), entry(second, 2));
        assertThat(screens.screenCounts(other.alice())).isEmpty();
        assertThatThrownBy(() -> screens.screenCounts(org.manager())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void registersScreensUpToTheQuantityAndRefusesOneMore() {
        screens.register(org.alice(), licenceId, "Entrance");
        screens.register(org.alice(), licenceId, "  Menu board ");
        RegisteredScreen third = screens.register(org.alice(), licenceId, "Window");

        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, "Fourth"))
                .isInstanceOf(ScreenLimitReachedException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("All 3 screens");
        assertThat(names(org.alice(), licenceId)).containsExactly("Entrance", "Menu board", "Window");
        assertThat(third.screen().activated()).isFalse();
        assertThat(third.screen().licenceId()).isEqualTo(licenceId);
        assertThat(third.screen().createdAt()).isNotNull();
    }

    @Test
    void keepsOnlyTheHashOfEachCredential() {
        RegisteredScreen registered = screens.register(org.alice(), licenceId, "Entrance");
        RegisteredScreen another = screens.register(org.alice(), licenceId, "Window");

        assertThat(registered.credential()).matches("lds_[A-Za-z0-9_-]{43}");
        assertThat(registered.credential()).isNotEqualTo(another.credential());
        assertThat(registered.toString()).doesNotContain(registered.credential());
        String stored = jdbc.sql("select credential_hash from screen where id = :id")
                .param("id", registered.screen().id())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).isEqualTo(DeviceCredentials.hash(registered.credential()));
        long rowsHoldingTheCredential = jdbc.sql(
                        "select count(*) from screen where name = :c or fingerprint = :c or credential_hash = :c")
                .param("c", registered.credential())
                .query(Long.class)
                .single();
        assertThat(rowsHoldingTheCredential).isZero();
    }

    @Test
    void removingAScreenFreesItsSeat() {
        long single = licence(1, org.alice());
        RegisteredScreen first = screens.register(org.alice(), single, "Entrance");
        assertThatThrownBy(() -> screens.register(org.alice(), single, "Window"))
                .isInstanceOf(ScreenLimitReachedException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("1 screen");

        screens.remove(org.alice(), single, first.screen().id());

        assertThat(names(org.alice(), single)).isEmpty();
        screens.register(org.alice(), single, "Window");
        assertThat(names(org.alice(), single)).containsExactly("Window");
        assertThatThrownBy(
                        () -> screens.remove(org.alice(), single, first.screen().id()))
                .isInstanceOf(ScreenNotFoundException.class);
    }

    @Test
    void renamesAScreenAndRefusesBadNamesChangingNothing() {
        Screen screen = screens.register(org.alice(), licenceId, "Entrance").screen();

        Screen renamed = screens.rename(org.alice(), licenceId, screen.id(), " Front door ");

        assertThat(renamed.name()).isEqualTo("Front door");
        assertThat(renamed.id()).isEqualTo(screen.id());
        for (String bad :
                new String[] {"", "   ", null, "x".repeat(101), "<b>Lobby</b>", "\u00a0", "\u200b", " \u3000\ufeff "}) {
            assertThatThrownBy(() -> screens.rename(org.alice(), licenceId, screen.id(), bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(InvalidScreenNameException.class);
            assertThatThrownBy(() -> screens.register(org.alice(), licenceId, bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(InvalidScreenNameException.class);
        }
        assertThat(screens.rename(org.alice(), licenceId, screen.id(), "x".repeat(100))
                        .name())
                .hasSize(100);
        assertThat(screens.screens(org.alice(), licenceId)).hasSize(1);
    }

    @Test
    void refusesASecondScreenOfTheSameNameOnALicence() {
        Screen entrance = screens.register(org.alice(), licenceId, "Entrance").screen();
        Screen window = screens.register(org.alice(), licenceId, "Window").screen();

        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, " entrance "))
                .isInstanceOf(InvalidScreenNameException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “Entrance”");
        assertThatThrownBy(() -> screens.rename(org.alice(), licenceId, window.id(), "ENTRANCE"))
                .isInstanceOf(InvalidScreenNameException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .as("the other screen's name as the list shows it, not as typed")
                .contains("already called “Entrance”");
        assertThat(screens.rename(org.alice(), licenceId, entrance.id(), "entrance")
                        .name())
                .as("a screen may change the case of its own name")
                .isEqualTo("entrance");
        assertThat(names(org.alice(), licenceId)).containsExactly("entrance", "Window");
    }

    /**
     * Two renames at once to one name: the first holds its transaction open after renaming, the second runs meanwhile.
     * Renaming did not lock the licence as registering does, so the second did not see the first's uncommitted name,
     * and both committed: two screens called "Hall". Now the second waits for the first and is refused.
     */
    @Test
    void twoRenamesAtOnceNeverGiveTwoScreensOneName() throws Exception {
        Screen entrance = screens.register(org.alice(), licenceId, "Entrance").screen();
        Screen window = screens.register(org.alice(), licenceId, "Window").screen();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<Screen> secondRename = transaction.execute(status -> {
                screens.rename(org.alice(), licenceId, entrance.id(), "Hall");
                Future<Screen> started =
                        second.submit(() -> screens.rename(org.alice(), licenceId, window.id(), "hall"));
                try {
                    // the second rename either finished (no lock: the defect) or waits for this transaction's lock
                    started.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException waiting) {
                    // waits: committing lets it go on
                } catch (InterruptedException | ExecutionException unexpected) {
                    throw new IllegalStateException(unexpected);
                }
                return started;
            });

            assertThatThrownBy(() -> secondRename.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ScreenNameTakenException.class);
            assertThat(names(org.alice(), licenceId)).containsExactly("Hall", "Window");
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    void refusesScreensOnAnExpiredLicence() {
        long expired = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Old",
                testLicences.today().minusYears(1));

        assertThatThrownBy(() -> screens.register(org.alice(), expired, "Entrance"))
                .isInstanceOf(ScreenRegistrationRefusedException.class)
                .isNotInstanceOf(ScreenLimitReachedException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("expired");
        assertThat(screens.screens(org.alice(), expired)).isEmpty();
    }

    @Test
    void staffOfTheOrganisationReadTheScreensButCannotChangeThem() {
        Screen screen = screens.register(org.alice(), licenceId, "Entrance").screen();

        assertThat(names(org.manager(), licenceId)).containsExactly("Entrance");
        assertThat(names(org.owner(), licenceId)).containsExactly("Entrance");
        assertThatThrownBy(() -> screens.register(org.manager(), licenceId, "Staff screen"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> screens.rename(org.owner(), licenceId, screen.id(), "Renamed"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> screens.remove(org.manager(), licenceId, screen.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(names(org.alice(), licenceId)).containsExactly("Entrance");
    }

    @Test
    void readsAPageOfScreensNamedLikeASearchTakingWildcardsAsTyped() {
        long licence = licence(10, org.alice());
        for (String name : List.of("Hall 1", "Hall 2", "100% Bar", "Bar_1", "Bar 1", "hall 3")) {
            screens.register(org.alice(), licence, name);
        }
        screens.remove(
                org.alice(),
                licence,
                screens.screens(org.alice(), licence).get(1).id()); // "Hall 2"

        ScreenList firstPage = screens.screens(org.manager(), licence, null, 1, 2);
        assertThat(firstPage.page().items()).extracting(Screen::name).containsExactly("Hall 1", "100% Bar");
        assertThat(firstPage.page().total()).isEqualTo(5);
        assertThat(firstPage.registered()).isEqualTo(5);
        assertThat(screens.screens(org.alice(), licence, "", 3, 2).page().items())
                .extracting(Screen::name)
                .containsExactly("hall 3");

        ScreenList halls = screens.screens(org.alice(), licence, " HALL ", 1, 25);
        assertThat(halls.page().items()).extracting(Screen::name).containsExactly("Hall 1", "hall 3");
        assertThat(halls.search()).isEqualTo("HALL");
        assertThat(halls.registered()).isEqualTo(5);
        assertThat(screens.screens(org.alice(), licence, "%", 1, 25).page().items())
                .extracting(Screen::name)
                .containsExactly("100% Bar");
        assertThat(screens.screens(org.alice(), licence, "r_", 1, 25).page().items())
                .extracting(Screen::name)
                .containsExactly("Bar_1");
        // nothing stored holds a control character: no query, no match, no error from PostgreSQL for a NUL
        assertThat(screens.screens(org.alice(), licence, "Hall\u0000", 1, 25)
                        .page()
                        .items())
                .isEmpty();

        for (Caller stranger : List.of(org.bob(), other.alice(), other.manager())) {
            assertThatThrownBy(() -> screens.screens(stranger, licence, "Hall", 1, 25))
                    .as(stranger.email())
                    .isInstanceOf(LicenceNotFoundException.class);
        }
    }

    @Test
    void anotherClientAndAnotherOrganisationCannotReachTheScreens() {
        Screen screen = screens.register(org.alice(), licenceId, "Entrance").screen();

        for (Caller stranger : List.of(org.bob(), other.alice(), other.manager(), other.owner())) {
            assertThatThrownBy(() -> screens.screens(stranger, licenceId))
                    .as(stranger.email())
                    .isInstanceOf(LicenceNotFoundException.class);
        }
        for (Caller stranger : List.of(org.bob(), other.alice())) {
            assertThatThrownBy(() -> screens.register(stranger, licenceId, "Mine"))
                    .isInstanceOf(LicenceNotFoundException.class);
            assertThatThrownBy(() -> screens.rename(stranger, licenceId, screen.id(), "Mine"))
                    .isInstanceOf(LicenceNotFoundException.class);
            assertThatThrownBy(() -> screens.remove(stranger, licenceId, screen.id()))
                    .isInstanceOf(LicenceNotFoundException.class);
        }
        assertThat(screens.screens(org.alice(), licenceId)).containsExactly(screen);
    }

    @Test
    void aScreenIsReachedOnlyThroughItsOwnLicence() {
        long bobsLicence = licence(2, org.bob());
        Screen bobs = screens.register(org.bob(), bobsLicence, "Bob's screen").screen();
        long alicesOther = licence(2, org.alice());

        assertThatThrownBy(() -> screens.rename(org.alice(), licenceId, bobs.id(), "Mine"))
                .isInstanceOf(ScreenNotFoundException.class);
        assertThatThrownBy(() -> screens.remove(org.alice(), alicesOther, bobs.id()))
                .isInstanceOf(ScreenNotFoundException.class);
        assertThat(names(org.bob(), bobsLicence)).containsExactly("Bob's screen");
    }
}
