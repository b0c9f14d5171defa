package io.licencedesk.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets and the {@code LicenceDesk-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">}, keyed with the endpoint's whole secret (prefix included) as UTF-8 bytes, as Stripe does.
 */
final class Signatures {

    static final String HEADER = "LicenceDesk-Signature";
    static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    /** A new secret: 256 random bits, base64url, after a recognisable prefix. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String header(String secret, long epochSeconds, String body) {
        return header(List.of(secret), epochSeconds, body);
    }

    /**
     * One {@code v1} for each secret, the current one first: while a rolled secret overlaps (decision 0157), a
     * receiver holding either secret finds a signature it can check, as Stripe's several {@code v1} do.
     */
    static String header(List<String> secrets, long epochSeconds, String body) {
        StringBuilder header = new StringBuilder("t=").append(epochSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, epochSeconds + "." + body));
        }
        return header.toString();
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException everyJdkHasIt) {
            throw new IllegalStateException("HMAC-SHA256 is not available", everyJdkHasIt);
        }
    }
}
