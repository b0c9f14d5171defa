package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestFixture;
import java.time.Clock;
import java.time.Instant;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * What registering, renaming and a device's new seat read of a licence's screens (rows handed over by the database,
 * not a time): the count and the one screen a rule needs, where every screen of the licence (up to 10,000) was read
 * to compare names in Java. H2 here, PostgreSQL in the subclass.
 */
@IntegrationTest
@Import(StatementCounter.class)
class ScreenChecksReadIntegrationTests {

    /** Screens already on the licence: each check read all of them. */
    static final int SCREENS = 200;

    /** The token, licence, lock, count and one name looked up, with room to spare; far below {@link #SCREENS}. */
    static final int MOST_ROWS = 40;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    ScreenRepository rows;

    @Autowired
    DeviceLicensing devices;

    @Autowired
    StatementCounter counter;

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
                                "Wall",
                                null,
                                SCREENS + 10,
                                org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), licenceId);
        Instant now = Instant.now(clock);
        for (int i = 1; i <= SCREENS; i++) {
            rows.insert(org.id(), licenceId, "Screen " + i, null, null, now);
        }
    }

    @Test
    void registeringAScreenReadsTheCountAndTheOneNameNotEveryScreen() {
        var registered = counter.count(() -> screens.register(org.alice(), licenceId, "Lobby"));

        assertThat(registered.result().screen().name()).isEqualTo("Lobby");
        assertThat(registered.rowsRead())
                .as(String.join("\n", registered.sql()))
                .isLessThan(MOST_ROWS);
        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, "SCREEN 150"))
                .isInstanceOf(InvalidScreenNameException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “Screen 150”");
    }

    @Test
    void renamingAScreenReadsTheOneNameNotEveryScreen() {
        long lobby = screens.register(org.alice(), licenceId, "Lobby").screen().id();

        var renamed = counter.count(() -> screens.rename(org.alice(), licenceId, lobby, "Hall"));

        assertThat(renamed.result().name()).isEqualTo("Hall");
        assertThat(renamed.rowsRead()).as(String.join("\n", renamed.sql())).isLessThan(MOST_ROWS);
        assertThat(screens.rename(org.alice(), licenceId, lobby, "HALL").name())
                .as("a screen may change the case of its own name")
                .isEqualTo("HALL");
        assertThatThrownBy(() -> screens.rename(org.alice(), licenceId, lobby, "screen 7"))
                .isInstanceOf(InvalidScreenNameException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “Screen 7”");
    }

    @Test
    void namesAreComparedInAnyCaseBeyondAscii() {
        screens.register(org.alice(), licenceId, "Écran du hall");

        assertThatThrownBy(() -> screens.register(org.alice(), licenceId, "ÉCRAN DU HALL"))
                .isInstanceOf(InvalidScreenNameException.class)
                .extracting(InWords::english, as(InstanceOfAssertFactories.STRING))
                .contains("already called “Écran du hall”");
    }

    @Test
    void aDeviceTakingAFreeSeatReadsTheCountAndTheNamesItMightTakeNotEveryScreen() {
        RegisteredScreen lobby = screens.register(org.alice(), licenceId, "Lobby");
        String credential = lobby.credential();
        devices.activate(credential, "device-a", null);
        screens.rename(org.alice(), licenceId, lobby.screen().id(), "screen 202");

        var seat = counter.count(() -> devices.activate(credential, "device-b", null));

        assertThat(seat.rowsRead()).as(String.join("\n", seat.sql())).isLessThan(MOST_ROWS);
        assertThat(rows.seatOf(licenceId, "device-b").orElseThrow().name())
                .as("numbered after the seats taken, past the names other screens have")
                .isEqualTo("Screen 203");
    }
}
