package io.licencedesk.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Puts screens in states the portal cannot reach (a screen on an expired licence) and reads them back, for tests. */
@Component
public class TestScreens {

    private final ScreenRepository screens;
    private final LastCheckIns lastCheckIns;
    private final Clock clock;

    TestScreens(ScreenRepository screens, LastCheckIns lastCheckIns, Clock clock) {
        this.screens = screens;
        this.lastCheckIns = lastCheckIns;
        this.clock = clock;
    }

    /** A new device credential, as registering a screen makes. */
    public static String newCredential() {
        return DeviceCredentials.generate();
    }

    /** A screen with this credential on any licence, whatever its state, with no device yet. */
    public Screen insert(long organisationId, long licenceId, String name, String credential) {
        return screens.insert(
                organisationId, licenceId, name, DeviceCredentials.hash(credential), null, Instant.now(clock));
    }

    public Optional<Screen> findLive(long licenceId, long screenId) {
        return screens.findLive(licenceId, screenId);
    }

    public int liveSeats(long licenceId) {
        return screens.countLive(licenceId);
    }

    /** Records a check-in of the screen at this time and writes it at once. */
    public void checkedIn(long screenId, Instant at) {
        lastCheckIns.record(screenId, at);
        lastCheckIns.flush();
    }

    /** Writes the check-in times kept in memory now. */
    public void flushCheckIns() {
        lastCheckIns.flush();
    }
}
