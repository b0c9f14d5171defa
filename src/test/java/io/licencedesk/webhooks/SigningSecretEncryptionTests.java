package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.shared.EncryptionAtRest;
import io.licencedesk.support.TestKeyEncryptionKeys;
import org.junit.jupiter.api.Test;

/** A signing secret sealed for one endpoint opens for it alone (decision 0167). */
class SigningSecretEncryptionTests {

    private final SigningSecretEncryption encryption =
            new SigningSecretEncryption(new EncryptionAtRest(TestKeyEncryptionKeys.CURRENT, ""));

    private final String secret = Signatures.newSecret();

    @Test
    void opensForItsEndpointAndFitsTheColumn() {
        String stored = encryption.seal(3, 7, secret);

        assertThat(stored).startsWith("aes-gcm:").doesNotContain(secret).hasSizeLessThanOrEqualTo(200);
        assertThat(encryption.open(3, 7, stored)).isEqualTo(secret);
        assertThat(encryption.sealedWithCurrentKey(stored)).isTrue();
    }

    @Test
    void aSecretCopiedOntoAnotherEndpointOrOrganisationDoesNotOpen() {
        String stored = encryption.seal(3, 7, secret);

        assertThatThrownBy(() -> encryption.open(3, 8, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The signing secret of webhook endpoint 8 (organisation 3) does not decrypt");
        assertThatThrownBy(() -> encryption.open(4, 7, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void aSecretStoredUnencryptedIsReadAsItIs() {
        assertThat(encryption.open(3, 7, secret)).isEqualTo(secret);
        assertThat(encryption.sealedWithCurrentKey(secret)).isFalse();
        assertThat(encryption.open(3, 7, null)).isNull();
    }
}
