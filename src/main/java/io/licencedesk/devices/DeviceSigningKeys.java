package io.licencedesk.devices;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Ed25519 key pair per organisation, created the first time one of its screens needs an answer and
 * then kept in memory: keys never change, so the hot path never reads them from the database. The private
 * key is kept in the database (decision 0018), encrypted with a key from the environment (decision 0061).
 */
@Component
class DeviceSigningKeys {

    /** The organisation's key: its id, the private half ready to sign, the public half as published. */
    record SigningKey(String keyId, Ed25519PrivateKeyParameters privateKey, String publicKey) {

        @Override
        public String toString() {
            return "SigningKey[keyId=" + keyId + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentHashMap<Long, SigningKey> byOrganisation = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> publicKeys = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final KeyEncryption encryption;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeviceSigningKeys(JdbcClient jdbc, KeyEncryption encryption, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.ownTransaction = new TransactionTemplate(transactions);
        // A key must be committed before anything is signed with it, whatever happens to the caller's work.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    SigningKey forOrganisation(long organisationId) {
        SigningKey key = byOrganisation.get(organisationId);
        if (key == null) {
            key = ownTransaction.execute(status -> loadOrCreate(organisationId));
            byOrganisation.putIfAbsent(organisationId, key);
            publicKeys.putIfAbsent(key.keyId(), key.publicKey());
        }
        return key;
    }

    /** The public key (X.509 SubjectPublicKeyInfo, base64) with this id, if there is one. */
    Optional<String> publicKey(String keyId) {
        String cached = publicKeys.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> stored = jdbc.sql("select public_key from device_signing_key where key_id = :keyId")
                .param("keyId", keyId)
                .query(String.class)
                .optional();
        stored.ifPresent(value -> publicKeys.putIfAbsent(keyId, value));
        return stored;
    }

    private SigningKey loadOrCreate(long organisationId) {
        // Two nodes (or threads) may race to create the first key: one insert wins, both read the winner.
        KeyPair pair = generate();
        String keyId = newKeyId();
        jdbc.sql("""
                        insert into device_signing_key (organisation_id, key_id, public_key, private_key, created_at)
                        values (:organisationId, :keyId, :publicKey, :privateKey, :createdAt)
                        on conflict do nothing
                        """)
                .param("organisationId", organisationId)
                .param("keyId", keyId)
                .param("publicKey", base64(pair.getPublic().getEncoded()))
                .param("privateKey", encryption.seal(keyId, pair.getPrivate().getEncoded()))
                .param("createdAt", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("""
                        select key_id, public_key, private_key from device_signing_key
                        where organisation_id = :organisationId
                        """)
                .param("organisationId", organisationId)
                .query((rs, n) -> new SigningKey(
                        rs.getString("key_id"),
                        privateKey(encryption.open(rs.getString("key_id"), rs.getString("private_key"))),
                        rs.getString("public_key")))
                .single();
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK 15+ has Ed25519", e);
        }
    }

    private static Ed25519PrivateKeyParameters privateKey(byte[] pkcs8) {
        try {
            return (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable device signing key", e);
        }
    }

    private static String newKeyId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
