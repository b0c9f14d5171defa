package io.licencedesk.devices;

import io.licencedesk.shared.SettingRefusedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Encrypts the organisations' private signing keys with a key-encryption key from the environment (AES-256-GCM),
 * so that whoever reads the database or a backup of it cannot sign device answers (decision 0061). A sealed value
 * names the key-encryption key that sealed it by an id derived from that key: a node given the wrong key says so
 * at start, and a rotation knows what to re-encrypt. The previous key, when set, only opens.
 */
@Component
class KeyEncryption {

    /** Published in docs/operations.md: the key of the embedded H2 demo when none is set, refused on PostgreSQL. */
    static final String DEMO_KEY = "yCe3MfS2kwRJd00XaKqUiSVkAVgvrUVi0YeP1W+OHwA=";

    static final String KEY_SETTING = "LICENCEDESK_KEY_ENCRYPTION_KEY";
    static final String PREVIOUS_KEY_SETTING = "LICENCEDESK_PREVIOUS_KEY_ENCRYPTION_KEY";

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    private static final String SEALED = "aes-gcm:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKey current;
    private final KeyEncryptionKey previous;

    @Autowired
    KeyEncryption(
            DataSource dataSource,
            @Value("${licencedesk.key-encryption-key:}") String key,
            @Value("${licencedesk.previous-key-encryption-key:}") String previousKey)
            throws MetaDataAccessException {
        this(keyFor(embeddedDemo(dataSource), key.strip()), previousKey.strip());
    }

    KeyEncryption(String key, String previousKey) {
        this.current = KeyEncryptionKey.parse(KEY_SETTING, key);
        this.previous = previousKey.isEmpty() ? null : KeyEncryptionKey.parse(PREVIOUS_KEY_SETTING, previousKey);
    }

    /** The private key (PKCS#8) of the signing key with this id, encrypted with the current key-encryption key. */
    String seal(String keyId, byte[] pkcs8) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, current, nonce, keyId, pkcs8);
        byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return SEALED + current.id() + ":" + Base64.getEncoder().encodeToString(stored);
    }

    /**
     * The private key (PKCS#8) from its stored value: sealed with the current or the previous key-encryption key, or
     * unencrypted as before decision 0061 (base64, which has no colon).
     *
     * @throws IllegalStateException naming the key-encryption key it needs, when neither key opens it
     */
    byte[] open(String keyId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return Base64.getDecoder().decode(stored);
        }
        String[] parts = stored.substring(SEALED.length()).split(":", 2);
        KeyEncryptionKey key = keyWithId(parts[0], keyId);
        try {
            byte[] sealed = Base64.getDecoder().decode(parts.length == 2 ? parts[1] : "");
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short to hold a nonce and a tag");
            }
            return cipher(
                    Cipher.DECRYPT_MODE,
                    key,
                    Arrays.copyOf(sealed, NONCE_BYTES),
                    keyId,
                    Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
        } catch (WrongTag | IllegalArgumentException altered) {
            throw new IllegalStateException(
                    "The device signing key " + keyId + " does not decrypt with " + key.setting()
                            + ", although it names that key's id " + key.id() + ": the stored value was altered.");
        }
    }

    /** Whether the stored value is sealed with the current key-encryption key (false: re-encrypt it). */
    boolean sealedWithCurrentKey(String stored) {
        return stored.startsWith(SEALED + current.id() + ":");
    }

    String currentKeyId() {
        return current.id();
    }

    private KeyEncryptionKey keyWithId(String id, String keyId) {
        if (current.id().equals(id)) {
            return current;
        }
        if (previous != null && previous.id().equals(id)) {
            return previous;
        }
        throw new SettingRefusedException("The device signing key " + keyId
                + " was encrypted with a key-encryption key whose id is " + id + ", but " + KEY_SETTING
                + " is the key with id " + current.id() + " and " + PREVIOUS_KEY_SETTING
                + (previous == null ? " is not set" : " the key with id " + previous.id())
                + ". Set " + KEY_SETTING + " to the key it was encrypted with, or give that key as "
                + PREVIOUS_KEY_SETTING
                + " to re-encrypt with the new one (docs/operations.md, \"Device signing keys\").");
    }

    private static byte[] cipher(int mode, KeyEncryptionKey key, byte[] nonce, String keyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            // Bound to its signing key's id: a value copied onto another organisation's row does not open.
            cipher.updateAAD(("device_signing_key " + keyId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException wrong) {
            throw new WrongTag();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every JDK has AES-GCM", impossible);
        }
    }

    private static boolean embeddedDemo(DataSource dataSource) throws MetaDataAccessException {
        return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .equals("H2");
    }

    private static String keyFor(boolean embeddedDemo, String key) {
        if (embeddedDemo && key.isEmpty()) {
            log.warn(
                    "{} is not set: the embedded demo encrypts device signing keys with the published demo key."
                            + " Never use it for real data.",
                    KEY_SETTING);
            return DEMO_KEY;
        }
        if (key.isEmpty()) {
            throw new SettingRefusedException(KEY_SETTING + " is not set. It encrypts the device signing keys in the"
                    + " database: give every node the same 32 random bytes in base64, e.g. from"
                    + " `openssl rand -base64 32`, and keep them out of the database's backups (docs/operations.md).");
        }
        if (!embeddedDemo && key.equals(DEMO_KEY)) {
            throw new SettingRefusedException(KEY_SETTING + " is the published demo key, which is for the embedded H2"
                    + " demo only: generate a key of your own, e.g. with `openssl rand -base64 32`.");
        }
        return key;
    }

    /** A key-encryption key and the setting it came from, with an id that tells it apart without revealing it. */
    private record KeyEncryptionKey(String setting, SecretKeySpec secret, String id) {

        static KeyEncryptionKey parse(String setting, String base64) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException notBase64) {
                key = new byte[0];
            }
            if (key.length != 32) {
                throw new SettingRefusedException(setting + " must be 32 random bytes in base64 (44 characters),"
                        + " e.g. from `openssl rand -base64 32`.");
            }
            return new KeyEncryptionKey(setting, new SecretKeySpec(key, "AES"), idOf(key));
        }

        private static String idOf(byte[] key) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update("LicenceDesk key-encryption key id ".getBytes(StandardCharsets.UTF_8));
                byte[] digest = sha256.digest(key);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 8));
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException("Every JDK has SHA-256", impossible);
            }
        }

        @Override
        public String toString() {
            return setting + "[id=" + id + "]";
        }
    }

    /** Decryption failed its authentication: the wrong key, or an altered value. */
    private static final class WrongTag extends RuntimeException {
        WrongTag() {
            super(null, null, false, false);
        }
    }
}
