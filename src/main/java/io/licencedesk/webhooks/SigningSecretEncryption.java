package io.licencedesk.webhooks;

import io.licencedesk.shared.EncryptionAtRest;
import io.licencedesk.shared.EncryptionAtRest.Subject;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The endpoints' signing secrets encrypted at rest with the key-encryption key of the device signing keys (decision
 * 0167): whoever reads the database or a backup of it cannot forge webhooks. A secret is bound to its organisation
 * and endpoint, not to its column, so that a roll's {@code previous_signing_secret = signing_secret} keeps it
 * readable. Secrets stored before they were encrypted ({@code whsec_…}) are read as they are.
 */
@Component
class SigningSecretEncryption {

    private final EncryptionAtRest encryption;

    SigningSecretEncryption(EncryptionAtRest encryption) {
        this.encryption = encryption;
    }

    String seal(long organisationId, long endpointId, String secret) {
        return encryption.seal(subject(organisationId, endpointId), secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The secret from its stored value, or null for none.
     *
     * @throws IllegalStateException naming the key-encryption key it needs, when neither key opens it
     */
    String open(long organisationId, long endpointId, String stored) {
        if (stored == null || !EncryptionAtRest.isSealed(stored)) {
            return stored;
        }
        return new String(encryption.open(subject(organisationId, endpointId), stored), StandardCharsets.UTF_8);
    }

    /** Whether the stored value is sealed with the current key-encryption key (false: re-encrypt it). */
    boolean sealedWithCurrentKey(String stored) {
        return encryption.sealedWithCurrentKey(stored);
    }

    String currentKeyId() {
        return encryption.currentKeyId();
    }

    private static Subject subject(long organisationId, long endpointId) {
        return new Subject(
                "webhook_endpoint " + organisationId + " " + endpointId,
                "signing secret of webhook endpoint " + endpointId + " (organisation " + organisationId + ")");
    }
}
