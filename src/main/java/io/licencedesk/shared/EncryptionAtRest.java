package io.licencedesk.shared;

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
 * Encrypts secrets stored in the database with the key-encryption key from the environment (AES-256-GCM): the
 * organisations' private device signing keys (decision 0061) and the webhook endpoints' signing secrets (decision
 * 0167), so that whoever reads the database or a backup of it can neither sign device answers nor forge webhooks.
 * A sealed value names the key-encryption key that sealed it by an id derived from that key: a node given the wrong
 * key says so at start, and a rotation knows what to re-encrypt. The previous key, when set, only opens. What a value
 * is bound to, and how it is named in a refusal, is the caller's {@link Subject}; values stored before they were
 * encrypted ({@link #isSealed} false) are the caller's to read.
 */
@Component
public class EncryptionAtRest {

    /** Published in docs/operations.md: the key of the embedded H2 demo when none is set, refused on PostgreSQL. */
    public static final String DEMO_KEY = "yCe3MfS2kwRJd00XaKqUiSVkAVgvrUVi0YeP1W+OHwA=";

    private static final String KEY_SETTING = "LICENCEDESK_KEY_ENCRYPTION_KEY";
    private static final String PREVIOUS_KEY_SETTING = "LICENCEDESK_PREVIOUS_KEY_ENCRYPTION_KEY";

    private static final Logger log = LoggerFactory.getLogger(EncryptionAtRest.class);
    private static final String SEALED = "aes-gcm:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKey current;
    private final KeyEncryptionKey previous;

    /**
     * What a sealed value is bound to and how a refusal names it.
     *
     * @param associatedData authenticated with the value: a value copied onto another row, bound to other data, does
     *     not open
     * @param name what the value is, in a sentence: "device signing key k-1"
     */
    public record Subject(String associatedData, String name) {}

    @Autowired
    public EncryptionAtRest(
            DataSource dataSource,
            @Value("${licencedesk.key-encryption-key:}") String key,
            @Value("${licencedesk.previous-key-encryption-key:}") String previousKey)
            throws MetaDataAccessException {
        this(keyFor(embeddedDemo(dataSource), key.strip()), previousKey.strip());
    }

    public EncryptionAtRest(String key, String previousKey) {
        this.current = KeyEncryptionKey.parse(KEY_SETTING, key);
        this.previous = previousKey.isEmpty() ? null : KeyEncryptionKey.parse(PREVIOUS_KEY_SETTING, previousKey);
    }

    /** The value, encrypted with the current key-encryption key and bound to its subject. */
    public String seal(Subject subject, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, current, nonce, subject, plain);
        byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return SEALED + current.id() + ":" + Base64.getEncoder().encodeToString(stored);
    }

    /** Whether the stored value was sealed (false: it was stored before it was encrypted, as it is). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(SEALED);
    }

    /**
     * The value from its stored, {@linkplain #isSealed sealed} form: sealed with the current or the previous
     * key-encryption key, for this subject.
     *
     * @throws IllegalStateException naming the key-encryption key it needs, when neither key opens it
     */
    public byte[] open(Subject subject, String stored) {
        if (!isSealed(stored)) {
            throw new IllegalArgumentException("The " + subject.name() + " is not sealed");
        }
        String[] parts = stored.substring(SEALED.length()).split(":", 2);
        KeyEncryptionKey key = keyWithId(parts[0], subject);
        try {
            byte[] sealed = Base64.getDecoder().decode(parts.length == 2 ? parts[1] : "");
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short to hold a nonce and a tag");
            }
            return cipher(
                    Cipher.DECRYPT_MODE,
                    key,
                    Arrays.copyOf(sealed, NONCE_BYTES),
                    subject,
                    Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
        } catch (WrongTag | IllegalArgumentException altered) {
            throw new IllegalStateException("The " + subject.name() + " does not decrypt with " + key.setting()
                    + ", although it names that key's id " + key.id() + ": the stored value was altered.");
        }
    }

    /** Whether the stored value is sealed with the current key-encryption key (false: re-encrypt it). */
    public boolean sealedWithCurrentKey(String stored) {
        return stored.startsWith(SEALED + current.id() + ":");
    }

    public String currentKeyId() {
        return current.id();
    }

    private KeyEncryptionKey keyWithId(String id, Subject subject) {
        if (current.id().equals(id)) {
            return current;
        }
        if (previous != null && previous.id().equals(id)) {
            return previous;
        }
        throw new SettingRefusedException(
                "The " + subject.name()
                        + " was encrypted with a key-encryption key whose id is " + id + ", but " + KEY_SETTING
                        + " is the key with id " + current.id() + " and " + PREVIOUS_KEY_SETTING
                        + (previous == null ? " is not set" : " the key with id " + previous.id())
                        + ". Set " + KEY_SETTING + " to the key it was encrypted with, or give that key as "
                        + PREVIOUS_KEY_SETTING
                        + " to re-encrypt with the new one (docs/operations.md, \"Device signing keys and webhook signing secrets\").");
    }

    private static byte[] cipher(int mode, KeyEncryptionKey key, byte[] nonce, Subject subject, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            // Bound to its subject (a signing key's id, an endpoint): a value copied onto another row does not open.
            cipher.updateAAD(subject.associatedData().getBytes(StandardCharsets.UTF_8));
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
                    "{} is not set: the embedded demo encrypts device signing keys and webhook signing secrets"
                            + " with the published demo key."
                            + " Never use it for real data.",
                    KEY_SETTING);
            return DEMO_KEY;
        }
        if (key.isEmpty()) {
            throw new SettingRefusedException(KEY_SETTING + " is not set. It encrypts the device signing keys and the"
                    + " webhook signing secrets in the database: give every node the same 32 random bytes in base64, e.g. from"
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
