package io.licencedesk.api;

import io.licencedesk.devices.VerificationKey;
import io.swagger.v3.oas.annotations.media.Schema;

/** A public signing key as served to devices. */
@Schema(name = "PublicKey", description = "An organisation's public key for verifying device answers.")
record PublicKeyAnswer(
        @Schema(
                description = "The key's id, as in Device-Signature-Key-Id and the answers' keyId.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String keyId,

        @Schema(description = "Always Ed25519.", example = ALGORITHM, requiredMode = Schema.RequiredMode.REQUIRED)
        String algorithm,

        @Schema(
                description = "The key as X.509 SubjectPublicKeyInfo (DER), base64: feed it to X509EncodedKeySpec.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String publicKey) {

    static final String ALGORITHM = VerificationKey.ALGORITHM;

    static PublicKeyAnswer of(VerificationKey key) {
        return new PublicKeyAnswer(key.keyId(), ALGORITHM, key.publicKey());
    }
}
