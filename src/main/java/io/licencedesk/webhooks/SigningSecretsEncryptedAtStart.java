package io.licencedesk.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before a node serves anything, every stored signing secret (current and previous) must open with the
 * key-encryption keys, and ends up encrypted with the current one (decision 0167), as the device signing keys do:
 * secrets stored unencrypted (before that decision) are encrypted, secrets encrypted with the previous key are
 * re-encrypted, and a node given the wrong key fails to start saying which key it needs. Nodes starting together may
 * both do it: each column is replaced only if it still holds what the node read.
 */
@Component
class SigningSecretsEncryptedAtStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningSecretsEncryptedAtStart.class);

    private final JdbcClient jdbc;
    private final SigningSecretEncryption encryption;

    SigningSecretsEncryptedAtStart(JdbcClient jdbc, SigningSecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    private record StoredSecrets(long organisationId, long id, String signingSecret, String previousSigningSecret) {}

    @Override
    public void afterSingletonsInstantiated() {
        int checked = 0;
        int encrypted = 0;
        for (StoredSecrets stored : jdbc.sql("""
                        select organisation_id, id, signing_secret, previous_signing_secret
                        from webhook_endpoint order by id""").query(StoredSecrets.class).list()) {
            for (String column : new String[] {"signing_secret", "previous_signing_secret"}) {
                String value =
                        column.equals("signing_secret") ? stored.signingSecret() : stored.previousSigningSecret();
                if (value == null) {
                    continue;
                }
                String secret = encryption.open(stored.organisationId(), stored.id(), value);
                if (encryption.sealedWithCurrentKey(value)) {
                    checked++;
                } else {
                    encrypted += replace(
                            stored, column, value, encryption.seal(stored.organisationId(), stored.id(), secret));
                }
            }
        }
        log.info(
                "Webhook signing secrets: {} open with the key-encryption key {}, {} (re-)encrypted with it",
                checked,
                encryption.currentKeyId(),
                encrypted);
    }

    /** The column is one of two constants, never input. */
    private int replace(StoredSecrets stored, String column, String value, String sealed) {
        return jdbc.sql("update webhook_endpoint set " + column + " = :sealed"
                        + " where organisation_id = :organisationId and id = :id and " + column + " = :stored")
                .param("sealed", sealed)
                .param("organisationId", stored.organisationId())
                .param("id", stored.id())
                .param("stored", value)
                .update();
    }
}
