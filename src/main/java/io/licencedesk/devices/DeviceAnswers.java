package io.licencedesk.devices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds an answer from what is known of a device, serialises it once and signs those bytes. */
@Component
class DeviceAnswers {

    private final DeviceSigningKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    DeviceAnswers(DeviceSigningKeys keys, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** The answer for this device now, with the time it was given (to record the check-in). */
    SignedAnswer answer(DeviceView view, DeviceQuestion request, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String reason = view.refusal(today);
        boolean seat = view.holdsSeat();
        var key = keys.forOrganisation(view.organisationId());
        var answer = new DeviceAnswer(
                reason == null,
                reason,
                view.couponCode(),
                view.endsOn() == null ? null : view.endsOn().toString(),
                DeviceAnswer.serverTime(now),
                request.nonce(),
                request.fingerprint(),
                seat ? view.seatId() : null,
                seat ? view.seatName() : null,
                key.keyId());
        byte[] body = json.writeValueAsBytes(answer);
        return new SignedAnswer(body, AnswerSigner.sign(key.privateKey(), body), key.keyId());
    }
}
