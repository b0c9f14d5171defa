package io.licencedesk.devices;

import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.devices.DeviceQueries.CredentialScreen;
import io.licencedesk.devices.DeviceRefusedException.Refusal;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.SeatLicence;
import io.licencedesk.shared.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A device takes a seat: all decided with the licence row locked, so concurrent activations on one licence
 * run one after the other and never take more seats than its quantity. The signing key is fetched before
 * and the answer signed after that transaction: the lock is held only for the seat, and a first key (made
 * in a transaction of its own) never waits for a second connection while holding one.
 */
@Component
class SeatActivation {

    /** How many numbered names a free seat's name is chosen among in one query. */
    private static final int SEAT_NAMES_AT_ONCE = 8;

    /** Runs of the seat's transaction when a unique index refused what the checks let through. */
    private static final int ATTEMPTS = 3;

    private final DeviceQueries queries;
    private final ScreenRepository screens;
    private final ClientLicences licences;
    private final DeviceAnswers answers;
    private final DeviceSigningKeys keys;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final UserLanguages languages;
    private final MessageSource messages;

    SeatActivation(
            DeviceQueries queries,
            ScreenRepository screens,
            ClientLicences licences,
            DeviceAnswers answers,
            DeviceSigningKeys keys,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events,
            UserLanguages languages,
            MessageSource messages) {
        this.queries = queries;
        this.screens = screens;
        this.licences = licences;
        this.answers = answers;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
        this.languages = languages;
        this.messages = messages;
    }

    SignedAnswer activate(String credential, DeviceQuestion request) {
        String hash = DeviceCredentials.hash(credential);
        CredentialScreen issued = queries.credentialScreen(hash).orElseThrow(DeviceRefusedException::unknownCredential);
        keys.forOrganisation(issued.organisationId());
        // to the microsecond, as the database keeps times: the seat's activation and its first check-in are equal
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DeviceView view = seatTaken(hash, issued.licenceId(), request.fingerprint(), now);
        return answers.answer(view, request, now);
    }

    /**
     * The seat, taken in a transaction that is run again, from the lock on, when a unique index refused its insert: the
     * seat's name (screen_licence_name_key) or the device's seat (V14) was taken past the checks under the lock, by a
     * writer that did not take it or a row the checks did not read. Run again, the checks see that row and choose the
     * next free name, or answer as they would have (the seat the device holds, or every seat taken): never the 503 of
     * a failed statement (decision 0155). Run anew rather than from a savepoint: PostgreSQL fails every statement of a
     * transaction after one failed.
     */
    private DeviceView seatTaken(String hash, long licenceId, String fingerprint, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> takeSeat(hash, licenceId, fingerprint, now));
            } catch (DuplicateKeyException takenPastTheCheck) {
                if (attempt == ATTEMPTS) {
                    throw takenPastTheCheck;
                }
            }
        }
    }

    private DeviceView takeSeat(String hash, long licenceId, String fingerprint, Instant now) {
        SeatLicence licence = licences.lockForSeats(licenceId);
        // read again under the lock: another activation may have bound or removed it meanwhile
        CredentialScreen issued = queries.credentialScreen(hash).orElseThrow(DeviceRefusedException::unknownCredential);
        refuseUnusable(licence, issued);
        if (screens.seatOf(licence.id(), fingerprint).isEmpty()) {
            takeFreeSeat(licence, issued, fingerprint, now);
        }
        if (licence.status() == LifecycleStatus.ASSIGNED) {
            licences.activateByDevice(licence.id());
        }
        DeviceView view = queries.view(hash, fingerprint).orElseThrow();
        if (view.holdsSeat()) {
            // An activation is the device's first contact, so its last check-in too: written here, with the seat,
            // rather than through the check-ins' batch, so that the screen never shows "Never" once it has started.
            screens.recordCheckIn(view.seatId(), now);
        }
        return view;
    }

    private static void refuseUnusable(SeatLicence licence, CredentialScreen issued) {
        // A removed screen is gone for good, whatever the licence's state (as at check-in).
        if (issued.removed()) {
            throw new DeviceRefusedException(Refusal.CREDENTIAL_REVOKED, Reason.of("reason.device.credentialRevoked"));
        }
        switch (licence.status()) {
            case EXPIRED ->
                throw new DeviceRefusedException(
                        Refusal.LICENCE_EXPIRED, Reason.of("reason.device.licenceExpired", licence.endsOn()));
            // the same problem type either way (players decide on it); its words say who resumes it, as check-in's
            // PAUSED / PAUSED_OVERDUE do
            case PAUSED ->
                throw new DeviceRefusedException(
                        Refusal.LICENCE_PAUSED,
                        Reason.of(
                                licence.pausedForOverdue()
                                        ? "reason.device.licencePausedOverdue"
                                        : "reason.device.licencePaused"));
            case AVAILABLE ->
                throw new DeviceRefusedException(
                        Refusal.LICENCE_DEACTIVATED, Reason.of("reason.device.licenceDeactivated"));
            default -> {}
        }
    }

    private void takeFreeSeat(SeatLicence licence, CredentialScreen issued, String fingerprint, Instant now) {
        if (issued.fingerprint() == null) {
            screens.bind(issued.id(), fingerprint, now);
            // the screen's first check-in is written below, in this transaction, as for a new seat
            Screen bound = screens.findLive(licence.id(), issued.id()).orElseThrow();
            events.publishEvent(new ScreenActivated(
                    licence.organisationId(),
                    ScreenLicence.of(licence),
                    bound.withLastCheckInAt(now),
                    null,
                    null,
                    now));
            return;
        }
        // The client removed this device's seat: it does not take another one with a credential it already
        // shared, or removing a screen would last only until the player restarts. A credential of a newly
        // registered screen, entered on purpose, still brings it back.
        if (screens.hadRemovedSeat(licence.id(), fingerprint)) {
            throw new DeviceRefusedException(Refusal.CREDENTIAL_REVOKED, Reason.of("reason.device.seatRevoked"));
        }
        int seats = screens.countLive(licence.id());
        if (seats >= licence.quantity()) {
            throw new DeviceRefusedException(
                    Refusal.SEATS_TAKEN, Reason.of("reason.device.seatsTaken", licence.quantity()));
        }
        Screen seat = screens.insert(
                licence.organisationId(), licence.id(), seatName(licence, seats), null, fingerprint, now);
        // a new screen on the client's licence, as if registered: webhook receivers that count seats see it, as the
        // API reads it once this activation is done (its first check-in is written below, in this transaction)
        events.publishEvent(new ScreenRegistered(
                licence.organisationId(), ScreenLicence.of(licence), seat.withLastCheckInAt(now), null, null, now));
    }

    /**
     * "Screen 3", in the language of the client who will see it in the portal (their choice, else the organisation's
     * language, decision 0172; the organisation's when the licence has no client yet): the
     * device that took the seat has no page to be named on. Numbered after the seats taken, skipping a name another
     * screen of the licence has (a removed seat, or one the client named so): the portal tells screens apart by name.
     */
    private String seatName(SeatLicence licence, int seats) {
        Locale locale = licence.clientId() == null
                ? languages.forOrganisation(licence.organisationId())
                : languages.forClient(licence.organisationId(), licence.clientId());
        // A few numbers at a time, asked of the database together: the first is free unless the client named a
        // screen so, and reading every screen of the licence (up to 10,000) to find one free name cost more.
        for (int first = seats + 1; ; first += SEAT_NAMES_AT_ONCE) {
            List<String> candidates = new ArrayList<>();
            for (int number = first; number < first + SEAT_NAMES_AT_ONCE; number++) {
                candidates.add(messages.getMessage("screen.seatName", new Object[] {Integer.toString(number)}, locale));
            }
            List<String> taken = screens.liveNamesLike(licence.id(), candidates);
            for (String name : candidates) {
                String key = ScreenName.key(name);
                if (taken.stream()
                        .noneMatch(other -> ScreenName.key(other).equals(key) || other.equalsIgnoreCase(name))) {
                    return name;
                }
            }
        }
    }
}
