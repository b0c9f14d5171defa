package io.licencedesk.devices;

import io.licencedesk.shared.EncryptionAtRest;
import io.licencedesk.shared.EncryptionAtRest.Subject;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The organisations' private signing keys encrypted at rest with the key-encryption key (decision 0061), each bound
 * to its key id: whoever reads the database or a backup of it cannot sign device answers. Keys stored before they
 * were encrypted are base64, which has no colon.
 */
@Component
class KeyEncryption {

    /** Published in docs/operations.md: the key of the embedded H2 demo when none is set, refused on PostgreSQL. */
    static final String DEMO_KEY = EncryptionAtRest.DEMO_KEY;

    private final EncryptionAtRest encryption;

    @Autowired
    KeyEncryption(EncryptionAtRest encryption) {
        this.encryption = encryption;
    }

    KeyEncryption(DataSource dataSource, String key, String previousKey) throws MetaDataAccessException {
        this(new EncryptionAtRest(dataSource, key, previousKey));
    }

    KeyEncryption(String key, String previousKey) {
        this(new EncryptionAtRest(key, previousKey));
    }

    /** The private key (PKCS#8) of the signing key with this id, encrypted with the current key-encryption key. */
    String seal(String keyId, byte[] pkcs8) {
        return encryption.seal(subject(keyId), pkcs8);
    }

    /**
     * The private key (PKCS#8) from its stored value: sealed with the current or the previous key-encryption key, or
     * unencrypted as before decision 0061.
     *
     * @throws IllegalStateException naming the key-encryption key it needs, when neither key opens it
     */
    byte[] open(String keyId, String stored) {
        return EncryptionAtRest.isSealed(stored)
                ? encryption.open(subject(keyId), stored)
                : Base64.getDecoder().decode(stored);
    }

    /** Whether the stored value is sealed with the current key-encryption key (false: re-encrypt it). */
    boolean sealedWithCurrentKey(String stored) {
        return encryption.sealedWithCurrentKey(stored);
    }

    String currentKeyId() {
        return encryption.currentKeyId();
    }

    private static Subject subject(String keyId) {
        return new Subject("device_signing_key " + keyId, "device signing key " + keyId);
    }
}
