package io.licencedesk.devices;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What a screen asks of its licence, whatever channel carries the question: take a seat, check in, and the
 * keys that verify the signed answers. A device proves which screen it is with the credential shown when the
 * screen was registered; a missing, malformed or unknown one is refused as
 * {@link DeviceRefusedException.Refusal#UNKNOWN_CREDENTIAL}.
 */
@Service
public class DeviceLicensing {

    private final CheckIns checkIns;
    private final SeatActivation activation;
    private final DeviceQueries queries;
    private final DeviceSigningKeys keys;
    private final Counter checkInsAnswered;
    private final Counter checkInsRefused;

    DeviceLicensing(
            CheckIns checkIns,
            SeatActivation activation,
            DeviceQueries queries,
            DeviceSigningKeys keys,
            ObjectProvider<MeterRegistry> registries) {
        this.checkIns = checkIns;
        this.activation = activation;
        this.queries = queries;
        this.keys = keys;
        // Check-ins per second, as Prometheus computes the rate of this counter (docs/operations.md): an increment
        // costs nanoseconds on the device API's hot path, where an event per check-in would not.
        MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
        this.checkInsAnswered = checkInCounter(registry, "answered");
        this.checkInsRefused = checkInCounter(registry, "refused");
    }

    private static Counter checkInCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("licencedesk.device.check.ins")
                .description("Device check-ins: answered (valid or not), or refused before an answer")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Binds the device to the credential's screen, or to a free seat of the same licence; repeating it is
     * harmless. Refused ({@link DeviceRefusedException}) when the screen was removed, the licence cannot be
     * used or every seat is taken; {@link InvalidDeviceRequestException} for a malformed fingerprint or nonce.
     */
    public SignedAnswer activate(String credential, String fingerprint, String nonce) {
        requireWellFormed(credential);
        return activation.activate(credential, DeviceQuestion.checked(fingerprint, nonce, false));
    }

    /** Whether the licence is valid for this device now, answering the nonce (required here). */
    public SignedAnswer checkIn(String credential, String fingerprint, String nonce) {
        try {
            requireWellFormed(credential);
            SignedAnswer answer = checkIns.checkIn(credential, DeviceQuestion.checked(fingerprint, nonce, true));
            checkInsAnswered.increment();
            return answer;
        } catch (RuntimeException refused) {
            checkInsRefused.increment();
            throw refused;
        }
    }

    /** The key that signs the answers to the credential's screen. */
    public VerificationKey keyOf(String credential) {
        requireWellFormed(credential);
        var screen = queries.credentialScreen(DeviceCredentials.hash(credential))
                .orElseThrow(DeviceRefusedException::unknownCredential);
        var key = keys.forOrganisation(screen.organisationId());
        return new VerificationKey(key.keyId(), key.publicKey());
    }

    /** A public key by its id; {@link UnknownKeyException} when there is none. */
    public VerificationKey key(String keyId) {
        return keys.publicKey(keyId)
                .map(key -> new VerificationKey(keyId, key))
                .orElseThrow(() -> new UnknownKeyException(keyId));
    }

    private static void requireWellFormed(String credential) {
        if (!DeviceCredentials.wellFormed(credential)) {
            throw DeviceRefusedException.unknownCredential();
        }
    }
}
