package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.support.TestKeyEncryptionKeys;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class KeyEncryptionTests {

    private static final String CURRENT = TestKeyEncryptionKeys.CURRENT;
    private static final String OTHER = TestKeyEncryptionKeys.OTHER;

    private final byte[] pkcs8 = privateKey();

    @Test
    void storesSomethingElseThanThePrivateKeyAndOpensItBack() {
        var encryption = new KeyEncryption(CURRENT, "");

        String stored = encryption.seal("key-1", pkcs8);

        assertThat(stored)
                .startsWith("aes-gcm:")
                .doesNotContain(Base64.getEncoder().encodeToString(pkcs8));
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1))))
                .doesNotContain(HexFormat.of().formatHex(pkcs8));
        assertThat(encryption.open("key-1", stored)).isEqualTo(pkcs8);
        assertThat(encryption.sealedWithCurrentKey(stored)).isTrue();
    }

    @Test
    void sealsTheSameKeyDifferentlyEachTime() {
        var encryption = new KeyEncryption(CURRENT, "");

        assertThat(encryption.seal("key-1", pkcs8)).isNotEqualTo(encryption.seal("key-1", pkcs8));
    }

    @Test
    void opensKeysStoredUnencryptedBeforeTheyWereEncrypted() {
        var encryption = new KeyEncryption(CURRENT, "");
        String unencrypted = Base64.getEncoder().encodeToString(pkcs8);

        assertThat(encryption.open("key-1", unencrypted)).isEqualTo(pkcs8);
        assertThat(encryption.sealedWithCurrentKey(unencrypted)).isFalse();
    }

    @Test
    void opensWithThePreviousKeyAndSealsWithTheNewOne() {
        String sealedWithOld = new KeyEncryption(CURRENT, "").seal("key-1", pkcs8);
        var rotating = new KeyEncryption(OTHER, CURRENT);

        assertThat(rotating.sealedWithCurrentKey(sealedWithOld)).isFalse();
        assertThat(rotating.open("key-1", sealedWithOld)).isEqualTo(pkcs8);
        String resealed = rotating.seal("key-1", pkcs8);
        assertThat(new KeyEncryption(OTHER, "").open("key-1", resealed)).isEqualTo(pkcs8);
        assertThatThrownBy(() -> new KeyEncryption(CURRENT, "").open("key-1", resealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToOpenWithAnotherKeyNamingTheSettingsToGive() {
        var old = new KeyEncryption(CURRENT, "");
        String stored = old.seal("key-1", pkcs8);

        assertThatThrownBy(() -> new KeyEncryption(OTHER, "").open("key-1", stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key-encryption key whose id is " + old.currentKeyId())
                .hasMessageContaining("LICENCEDESK_PREVIOUS_KEY_ENCRYPTION_KEY is not set")
                .hasMessageNotContaining(CURRENT)
                .hasMessageNotContaining(OTHER);
    }

    @Test
    void aValueCopiedOntoAnotherSigningKeyDoesNotOpen() {
        var encryption = new KeyEncryption(CURRENT, "");
        String stored = encryption.seal("key-1", pkcs8);

        assertThatThrownBy(() -> encryption.open("key-2", stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        var encryption = new KeyEncryption(CURRENT, "");
        String stored = encryption.seal("key-1", pkcs8);
        int sealedFrom = stored.lastIndexOf(':') + 1;
        byte[] sealed = Base64.getDecoder().decode(stored.substring(sealedFrom));
        sealed[20] ^= 1; // one bit of the encrypted key
        String altered = stored.substring(0, sealedFrom) + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> encryption.open("key-1", altered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> encryption.open("key-1", stored.substring(0, stored.lastIndexOf(':'))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void refusesKeysThatAreNot32BytesInBase64() {
        for (String wrong :
                new String[] {"short", "not base64 at all!", Base64.getEncoder().encodeToString(new byte[16])}) {
            assertThatThrownBy(() -> new KeyEncryption(wrong, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LICENCEDESK_KEY_ENCRYPTION_KEY must be 32 random bytes");
            assertThatThrownBy(() -> new KeyEncryption(CURRENT, wrong))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LICENCEDESK_PREVIOUS_KEY_ENCRYPTION_KEY must be 32 random bytes");
        }
    }

    @Test
    void theEmbeddedDemoUsesThePublishedKeyWhenNoneIsSet() throws Exception {
        var h2 = new SingleConnectionDataSource("jdbc:h2:mem:kek-" + UUID.randomUUID(), "sa", "", true);
        try {
            var demo = new KeyEncryption(h2, "", "");

            assertThat(demo.currentKeyId()).isEqualTo(new KeyEncryption(KeyEncryption.DEMO_KEY, "").currentKeyId());
            assertThat(new KeyEncryption(h2, CURRENT, "").currentKeyId())
                    .isEqualTo(new KeyEncryption(CURRENT, "").currentKeyId());
        } finally {
            h2.destroy();
        }
    }

    private static byte[] privateKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
