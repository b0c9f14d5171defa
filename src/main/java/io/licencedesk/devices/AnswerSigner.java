package io.licencedesk.devices;

import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures over the exact bytes of an answer, with BouncyCastle: about 20 µs a signature where
 * the JDK's own provider takes about 400 µs on the same machine (decision 0019). Players verify with
 * the JDK or any Ed25519 library; the signatures are the same (Ed25519 is deterministic).
 */
final class AnswerSigner {

    private AnswerSigner() {}

    /** The signature of the bytes, base64 (standard alphabet, padded). */
    static String sign(Ed25519PrivateKeyParameters key, byte[] body) {
        var signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(body, 0, body.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }
}
