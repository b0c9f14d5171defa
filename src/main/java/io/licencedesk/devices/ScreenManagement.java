package io.licencedesk.devices;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.SeatLicence;
import io.licencedesk.shared.Like;
import io.licencedesk.shared.PageOf;
import io.licencedesk.shared.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screens of a licence, for the portal (a client registers, renames and removes the screens of their
 * own licences) and the console (staff of the licence's organisation read them). A licence never has more
 * screens than its quantity, nor two screens of one name: registering, renaming and removing lock the licence row
 * while they count and compare. Each change is published as a {@link ScreenEvent} naming the client who made it.
 *
 * <p>A licence outside the caller's reach throws {@link io.licencedesk.licence.LicenceNotFoundException};
 * a screen that is not on the licence (or was removed), {@link ScreenNotFoundException}.
 */
@Service
@Transactional
public class ScreenManagement {

    private final ScreenRepository screens;
    private final ClientLicences clientLicences;
    private final LicenceManagement staffLicences;
    private final LastCheckIns lastCheckIns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScreenManagement(
            ScreenRepository screens,
            ClientLicences clientLicences,
            LicenceManagement staffLicences,
            LastCheckIns lastCheckIns,
            ApplicationEventPublisher events,
            Clock clock) {
        this.screens = screens;
        this.clientLicences = clientLicences;
        this.staffLicences = staffLicences;
        this.lastCheckIns = lastCheckIns;
        this.events = events;
        this.clock = clock;
    }

    /** The licence's screens (removed ones excluded), oldest first; for its client or staff of its organisation. */
    @Transactional(readOnly = true)
    public List<Screen> screens(Caller caller, long licenceId) {
        checkReach(caller, licenceId);
        return lastCheckIns.overlay(screens.live(licenceId));
    }

    /** Throws LicenceNotFoundException unless the licence is the client's or of the staff member's organisation. */
    private void checkReach(Caller caller, long licenceId) {
        if (caller.isStaff()) {
            staffLicences.details(caller, licenceId);
        } else {
            clientLicences.licence(caller, licenceId);
        }
    }

    /**
     * A page of the licence's screens (removed ones excluded), oldest first, those whose name contains the search (all
     * when it is blank); for its client or staff of its organisation. A licence may have 10,000 screens: pages show
     * them a page at a time.
     */
    @Transactional(readOnly = true)
    public ScreenList screens(Caller caller, long licenceId, String search, int page, int size) {
        checkReach(caller, licenceId);
        int registered = screens.countLive(licenceId);
        if (!Like.canMatch(search)) {
            return new ScreenList(new PageOf<>(List.of(), 1, size, 0), search, registered);
        }
        // Folded as names are compared (decision 0151), to meet their keys: "ÉCRAN" finds "écran", "STRASSE" "Straße"
        String pattern = search == null || search.isBlank() ? null : ScreenName.key(search.strip());
        int matching = pattern == null ? registered : screens.countLive(licenceId, pattern);
        PageOf<Screen> found = PageOf.read(
                page,
                size,
                matching,
                (offset, limit) -> lastCheckIns.overlay(screens.live(licenceId, pattern, offset, limit)));
        return new ScreenList(found, pattern == null ? null : search.strip(), registered);
    }

    /**
     * One live screen of the licence, for its client or staff of its organisation; a removed one, another licence's or
     * none is "not found". Read alone: finding it in {@link #screens(Caller, long)} read up to 10,000 screens.
     */
    @Transactional(readOnly = true)
    public Screen screen(Caller caller, long licenceId, long screenId) {
        checkReach(caller, licenceId);
        return screens.findLive(licenceId, screenId)
                .map(lastCheckIns::overlay)
                .orElseThrow(() -> new ScreenNotFoundException(screenId));
    }

    /** How many screens the licence has (removed ones excluded); for its client or staff of its organisation. */
    @Transactional(readOnly = true)
    public int screenCount(Caller caller, long licenceId) {
        checkReach(caller, licenceId);
        return screens.countLive(licenceId);
    }

    /** How many screens each of the client's licences has (absent: none), in one query for the portal's list. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> screenCounts(Caller client) {
        if (!client.isClient()) {
            throw new AccessDeniedException("Only clients have licences of their own");
        }
        return screens.countLiveByClient(client.organisationId(), client.userId());
    }

    /**
     * Registers a screen with a new device credential, which is returned this once. Refused with
     * {@link ScreenLimitReachedException} when every seat has a screen, and with
     * {@link ScreenRegistrationRefusedException} when the licence has expired.
     */
    public RegisteredScreen register(Caller client, long licenceId, String name) {
        if (!clientLicences.licence(client, licenceId).acceptsScreens()) {
            // Before the name: no name makes an ended licence take a screen, and the portal shows no field to correct.
            throw licenceExpired();
        }
        String checkedName = ScreenName.check(name);
        // Moved to another client (or made available) between the check above and the lock: not found.
        SeatLicence licence = lockOwn(client, licenceId);
        if (licence.status() == LifecycleStatus.EXPIRED) {
            throw licenceExpired();
        }
        if (screens.countLive(licenceId) >= licence.quantity()) {
            throw new ScreenLimitReachedException(licence.quantity());
        }
        refuseTakenName(licenceId, checkedName, null);
        String credential = DeviceCredentials.generate();
        Screen screen;
        try {
            screen = screens.insert(
                    licence.organisationId(),
                    licenceId,
                    checkedName,
                    DeviceCredentials.hash(credential),
                    null,
                    clock.instant());
        } catch (DuplicateKeyException nameHeldMeanwhile) {
            throw nameTakenPastTheCheck(checkedName);
        }
        events.publishEvent(new ScreenRegistered(
                licence.organisationId(),
                ScreenLicence.of(licence),
                screen,
                client.userId(),
                client.email(),
                screen.createdAt()));
        return new RegisteredScreen(screen, credential);
    }

    private static ScreenRegistrationRefusedException licenceExpired() {
        return new ScreenRegistrationRefusedException(Reason.of("reason.screen.licenceExpired"));
    }

    /**
     * Renames the screen. Under the licence's lock, as registering: two renames at once (or a rename and a
     * registration) check the name one after the other, so two screens never end up with one name.
     */
    public Screen rename(Caller client, long licenceId, long screenId, String name) {
        clientLicences.licence(client, licenceId);
        String checkedName = ScreenName.check(name);
        SeatLicence licence = lockOwn(client, licenceId);
        Screen before = screens.findLive(licenceId, screenId).orElseThrow(() -> new ScreenNotFoundException(screenId));
        refuseTakenName(licenceId, checkedName, screenId);
        boolean renamedNow;
        try {
            renamedNow = screens.rename(licenceId, screenId, checkedName);
        } catch (DuplicateKeyException nameHeldMeanwhile) {
            throw nameTakenPastTheCheck(checkedName);
        }
        if (!renamedNow) {
            throw new ScreenNotFoundException(screenId);
        }
        Screen renamed =
                lastCheckIns.overlay(screens.findLive(licenceId, screenId).orElseThrow());
        if (!before.name().equals(renamed.name())) {
            events.publishEvent(new ScreenRenamed(
                    licence.organisationId(),
                    ScreenLicence.of(licence),
                    before.name(),
                    renamed,
                    client.userId(),
                    client.email(),
                    clock.instant()));
        }
        return renamed;
    }

    /** The client's licence, locked for its seats; "not found" if it moved to another client before the lock. */
    private SeatLicence lockOwn(Caller client, long licenceId) {
        SeatLicence licence = clientLicences.lockForSeats(licenceId);
        if (!Long.valueOf(client.userId()).equals(licence.clientId())) {
            throw new LicenceNotFoundException(licenceId);
        }
        return licence;
    }

    /**
     * Two screens of one licence with one name could not be told apart. Checked under the licence's lock, in one
     * query for the one screen that has the name, if any.
     */
    private void refuseTakenName(long licenceId, String name, Long renamedScreenId) {
        // Named as the other screen is ("Hall"), not as typed ("HALL"): that is the name the client sees in the list.
        screens.liveNameLike(licenceId, name, renamedScreenId == null ? 0 : renamedScreenId)
                .ifPresent(other -> {
                    throw new ScreenNameTakenException(other);
                });
    }

    /**
     * The unique index on {@code (licence_id, name_key)} (V38, decision 0151) refused a name the check under the lock
     * let through: a writer that raced past the lock, or a row the check does not read. The same refusal as the check's
     * (decision 0153), not a 500; named as typed, since a statement that failed may leave the transaction unable to read
     * the other screen (PostgreSQL), and the transaction is rolled back.
     */
    private static ScreenNameTakenException nameTakenPastTheCheck(String name) {
        return new ScreenNameTakenException(name);
    }

    /**
     * Removes the screen and frees its seat. Its device is refused from then on (check-in answers
     * SEAT_REVOKED), and its credential no longer activates any device.
     */
    public void remove(Caller client, long licenceId, long screenId) {
        clientLicences.licence(client, licenceId);
        // Under the licence's lock, like an activation, so that a device is never bound to a screen
        // being removed at the same moment.
        SeatLicence licence = lockOwn(client, licenceId);
        Screen removed = screens.findLive(licenceId, screenId)
                .map(lastCheckIns::overlay)
                .orElseThrow(() -> new ScreenNotFoundException(screenId));
        Instant now = clock.instant();
        if (!screens.remove(licenceId, screenId, now)) {
            throw new ScreenNotFoundException(screenId);
        }
        events.publishEvent(new ScreenRemoved(
                licence.organisationId(), ScreenLicence.of(licence), removed, client.userId(), client.email(), now));
    }
}
