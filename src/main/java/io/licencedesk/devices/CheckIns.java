package io.licencedesk.devices;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The check-in, the device API's hot path: one query, a signature, and the check-in time noted in memory.
 * No transaction (a single read) and no write (see {@link LastCheckIns}).
 */
@Component
class CheckIns {

    private final DeviceQueries queries;
    private final DeviceAnswers answers;
    private final LastCheckIns lastCheckIns;
    private final Clock clock;

    CheckIns(DeviceQueries queries, DeviceAnswers answers, LastCheckIns lastCheckIns, Clock clock) {
        this.queries = queries;
        this.answers = answers;
        this.lastCheckIns = lastCheckIns;
        this.clock = clock;
    }

    SignedAnswer checkIn(String credential, DeviceQuestion request) {
        DeviceView view = queries.view(DeviceCredentials.hash(credential), request.fingerprint())
                .orElseThrow(DeviceRefusedException::unknownCredential);
        Instant now = clock.instant();
        if (view.holdsSeat()) {
            lastCheckIns.record(view.seatId(), now);
        }
        return answers.answer(view, request, now);
    }
}
