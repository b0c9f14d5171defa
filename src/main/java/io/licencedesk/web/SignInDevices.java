package io.licencedesk.web;

import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.ControlCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Device cookies (OWASP's "device cookies" against account lock-out, docs/decisions/0030): a browser that
 * signed in to an account gets a long-lived random token, stored only as its SHA-256. A sign-in to that
 * account showing it is not held back by other people's failures; after failures of its own it is trusted
 * no more. It authenticates nothing: the password is still checked.
 */
@Repository
class SignInDevices {

    static final String COOKIE = "SIGN_IN_DEVICE";

    /** How long a browser stays known without signing in; the cookie lives as long. */
    static final Duration LIFETIME = Duration.ofDays(180);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_LENGTH = 43; // 32 bytes in base64url without padding

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int failuresPerDevice;

    SignInDevices(
            JdbcClient jdbc,
            Clock clock,
            @Value("${licencedesk.sign-in.failures-per-device:10}") int failuresPerDevice) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.failuresPerDevice = failuresPerDevice;
    }

    /** The stored hash of this cookie when it proves an earlier sign-in to this account and is still trusted. */
    Optional<String> trusted(String cookie, String account) {
        if (cookie == null || cookie.length() != TOKEN_LENGTH || ControlCharacters.in(account)) {
            return Optional.empty(); // no account's e-mail holds a control character, and PostgreSQL refuses NUL
        }
        String hash = AttemptLimits.sha256(cookie);
        boolean known = jdbc.sql("""
                                select count(*) from sign_in_device
                                where token_hash = :hash and email = :email and failures < :failuresPerDevice
                                  and last_used_at > :forgottenBefore
                                """)
                        .param("hash", hash)
                        .param("email", account)
                        .param("failuresPerDevice", failuresPerDevice)
                        .param("forgottenBefore", Timestamp.from(clock.instant().minus(LIFETIME)))
                        .query(Long.class)
                        .single()
                > 0;
        return known ? Optional.of(hash) : Optional.empty();
    }

    void failed(String hash) {
        jdbc.sql("update sign_in_device set failures = failures + 1 where token_hash = :hash")
                .param("hash", hash)
                .update();
    }

    /**
     * After a successful sign-in through the form: a trusted device starts its count of failures again; any
     * other browser gets a new device cookie for this account (replacing one for another account).
     */
    void signedIn(HttpServletRequest request, HttpServletResponse response, String account, String trustedHash) {
        if (trustedHash != null) {
            jdbc.sql("update sign_in_device set failures = 0, last_used_at = :now where token_hash = :hash")
                    .param("hash", trustedHash)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("""
                        insert into sign_in_device (token_hash, email, failures, last_used_at)
                        values (:hash, :email, 0, :now)
                        """)
                .param("hash", AttemptLimits.sha256(token))
                .param("email", account)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token)
                .path(request.getContextPath() + "/login")
                .maxAge(LIFETIME)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    void forgetUnused(Instant now) {
        jdbc.sql("""
                        delete from sign_in_device
                        where last_used_at <= :forgottenBefore or failures >= :failuresPerDevice
                        """)
                .param("forgottenBefore", Timestamp.from(now.minus(LIFETIME)))
                .param("failuresPerDevice", failuresPerDevice)
                .update();
    }
}
