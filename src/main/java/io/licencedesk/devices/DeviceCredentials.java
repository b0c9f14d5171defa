package io.licencedesk.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Device credentials: 32 random bytes, so a fast SHA-256 is enough to store them (nothing to brute-force,
 * unlike a password) and a check-in costs one hash instead of a bcrypt round. See decision 0017.
 */
final class DeviceCredentials {

    static final String PREFIX = "lds_";

    private static final Pattern FORMAT = Pattern.compile("lds_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCredentials() {}

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether the text has the shape of a credential, checked before hashing anything a client sends. */
    static boolean wellFormed(String credential) {
        return credential != null && FORMAT.matcher(credential).matches();
    }

    static String hash(String credential) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(credential.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
