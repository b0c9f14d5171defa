package io.licencedesk.devices;

import java.time.Instant;

/**
 * A screen holding a seat of a licence. It is activated once a device (its fingerprint) is bound to it;
 * the last check-in time may lag the device by a few seconds (check-ins are recorded in batches).
 */
public record Screen(
        long id,
        long licenceId,
        String name,
        boolean activated,
        String fingerprint,
        Instant activatedAt,
        Instant lastCheckInAt,
        Instant createdAt) {

    Screen withLastCheckInAt(Instant time) {
        return new Screen(id, licenceId, name, activated, fingerprint, activatedAt, time, createdAt);
    }
}
