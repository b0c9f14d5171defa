package io.licencedesk.devices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before a node serves anything, every stored private signing key must open with its key-encryption keys, and ends up
 * encrypted with the current one: keys stored unencrypted (before decision 0061) are encrypted, keys encrypted with
 * the previous key are re-encrypted. A node given the wrong key fails to start, saying which key it needs, instead of
 * failing devices later. Nodes starting together may both do it: each row is replaced only if it still holds what
 * the node read, so one of them wins and the other's update changes nothing.
 */
@Component
class SigningKeysEncryptedAtStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeysEncryptedAtStart.class);

    private final JdbcClient jdbc;
    private final KeyEncryption encryption;

    SigningKeysEncryptedAtStart(JdbcClient jdbc, KeyEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    private record StoredKey(long organisationId, String keyId, String privateKey) {}

    @Override
    public void afterSingletonsInstantiated() {
        int checked = 0;
        int encrypted = 0;
        for (StoredKey stored : jdbc.sql("select organisation_id, key_id, private_key from device_signing_key")
                .query(StoredKey.class)
                .list()) {
            byte[] pkcs8 = encryption.open(stored.keyId(), stored.privateKey());
            if (encryption.sealedWithCurrentKey(stored.privateKey())) {
                checked++;
            } else {
                encrypted += replace(stored, encryption.seal(stored.keyId(), pkcs8));
            }
        }
        log.info(
                "Device signing keys: {} open with the key-encryption key {}, {} (re-)encrypted with it",
                checked,
                encryption.currentKeyId(),
                encrypted);
    }

    private int replace(StoredKey stored, String sealed) {
        return jdbc.sql("""
                        update device_signing_key set private_key = :sealed
                        where organisation_id = :organisationId and private_key = :stored
                        """)
                .param("sealed", sealed)
                .param("organisationId", stored.organisationId())
                .param("stored", stored.privateKey())
                .update();
    }
}
