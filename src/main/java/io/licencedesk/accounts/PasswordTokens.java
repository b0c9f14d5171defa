package io.licencedesk.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The random part of a set-password link: 32 bytes from {@link SecureRandom}, base64url in the link.
 * Only its SHA-256 is stored (see docs/decisions/0014): a fast hash is enough for 256 random bits,
 * which no one can guess, and it lets the database find the link by an indexed equality.
 */
final class PasswordTokens {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PasswordTokens() {}

    static String newToken() {
        byte[] token = new byte[BYTES];
        RANDOM.nextBytes(token);
        return ENCODER.encodeToString(token);
    }

    /** The stored form of a token from a link; empty when it cannot be one of ours (so it matches nothing). */
    static Optional<String> hash(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        try {
            return Optional.of(sha256(DECODER.decode(token.getBytes(StandardCharsets.US_ASCII))));
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
